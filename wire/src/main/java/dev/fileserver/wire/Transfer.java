package dev.fileserver.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Stream copying with one buffer size for every transfer path. */
public final class Transfer {

    /** Large enough that a loopback transfer is bound by the copy, not by the number of calls. */
    public static final int BUFFER_SIZE = 64 * 1024;

    /**
     * For the one copy loop of a bulk transfer: a megabyte per turn of the loop instead of 64 KiB,
     * handed to channels in {@link #NIO_SLICE} calls; a reply's small frames never see it.
     */
    public static final int BULK_BUFFER_SIZE = 1024 * 1024;

    /**
     * The most a single read or write of a byte array may ask of a channel, or of the streams of a
     * socket made from one: they copy through a temporary direct buffer of the call's size, which
     * the thread keeps. With a thread per connection (JDK 17), 1 MiB calls left each connection that
     * had moved a file holding 1 MiB of direct memory until it closed. Half of that, because smaller
     * slices cost the rate: with 128 KiB (a plain socket's own streams' slice) a loopback download
     * ran at about 1.4 GB/s against 1.85 with 512 KiB or 1 MiB.
     */
    public static final int NIO_SLICE = 512 * 1024;

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
