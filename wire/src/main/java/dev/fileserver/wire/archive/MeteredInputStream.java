package dev.fileserver.wire.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The decompressed tar stream, with a budget for the next step: reading an entry's headers may
 * not take more than a small allowance (commons-compress gathers a GNU long name or a PAX header
 * in memory, whatever size it claims), reading its content no more than its declared size.
 */
final class MeteredInputStream extends FilterInputStream {

    private long consumed;

    private long limit = Long.MAX_VALUE;

    private String step = "";

    MeteredInputStream(InputStream in) {
        super(in);
    }

    /** From now on, at most {@code bytes} more may be read, for {@code what} (named in the refusal). */
    void allow(long bytes, String what) {
        limit = bytes > Long.MAX_VALUE - consumed ? Long.MAX_VALUE : consumed + bytes;
        step = what;
    }

    @Override
    public int read() throws IOException {
        checkBudget(1);
        int b = in.read();
        if (b >= 0) {
            consumed++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkBudget(1);
        int read = in.read(buffer, offset, (int) Math.min(length, limit - consumed));
        if (read > 0) {
            consumed += read;
        }
        return read;
    }

    @Override
    public long skip(long count) throws IOException {
        checkBudget(1);
        long skipped = in.skip(Math.min(count, limit - consumed));
        consumed += skipped;
        return skipped;
    }

    private void checkBudget(long wanted) throws UnsafeArchiveException {
        if (limit - consumed < wanted) {
            throw new UnsafeArchiveException(step + " is larger than allowed");
        }
    }
}
