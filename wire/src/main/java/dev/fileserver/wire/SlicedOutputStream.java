package dev.fileserver.wire;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Passes writes on in slices of at most {@link Transfer#NIO_SLICE} bytes, for a stream over a
 * socket or a file channel, which copies each write through a direct buffer of its size kept by
 * the thread (see {@code NIO_SLICE}).
 */
public final class SlicedOutputStream extends FilterOutputStream {

    public SlicedOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        while (length > 0) {
            int slice = Math.min(length, Transfer.NIO_SLICE);
            out.write(bytes, offset, slice);
            offset += slice;
            length -= slice;
        }
    }
}
