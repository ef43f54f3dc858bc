package dev.fileserver.wire;

import java.io.IOException;
import java.io.InputStream;

/**
 * Exactly {@code length} bytes of another stream: reads stop there, and an early end of the
 * underlying stream is a {@link TruncatedFrameException} (unless told it is merely short).
 * Closing it does not close the underlying stream.
 */
final class BoundedInputStream extends InputStream {

    private final InputStream in;

    private final long length;

    private final boolean shortIsError;

    private long remaining;

    BoundedInputStream(InputStream in, long length) {
        this(in, length, true);
    }

    BoundedInputStream(InputStream in, long length, boolean shortIsError) {
        this.in = in;
        this.length = length;
        this.remaining = length;
        this.shortIsError = shortIsError;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int read = in.read(buffer, offset, (int) Math.min(count, remaining));
        if (read < 0) {
            if (shortIsError) {
                throw new TruncatedFrameException("file content", length, length - remaining);
            }
            remaining = 0;
            return -1;
        }
        remaining -= read;
        return read;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }
}
