package dev.fileserver.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Stream copying with one buffer size for every transfer path. */
public final class Transfer {

    /** Large enough that a loopback transfer is bound by the copy, not by the number of calls. */
    public static final int BUFFER_SIZE = 64 * 1024;

    /**
     * For the one copy loop of a bulk transfer: a file written or read a megabyte per system call
     * instead of 64 KiB; the socket side takes what it has, and a reply's small frames never see it.
     */
    public static final int BULK_BUFFER_SIZE = 1024 * 1024;

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
