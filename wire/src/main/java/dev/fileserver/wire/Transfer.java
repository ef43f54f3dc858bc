package dev.fileserver.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Stream copying with one buffer size for every transfer path. */
public final class Transfer {

    /** Large enough that a loopback transfer is bound by the copy, not by the number of calls. */
    public static final int BUFFER_SIZE = 64 * 1024;

    private Transfer() {
    }

    public static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            total += read;
        }
        return total;
    }
}
