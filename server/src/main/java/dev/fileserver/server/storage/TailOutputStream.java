package dev.fileserver.server.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes on what is written after the first {@code skip} bytes; those are dropped. */
public final class TailOutputStream extends FilterOutputStream {

    private long toSkip;

    public TailOutputStream(OutputStream out, long skip) {
        super(out);
        this.toSkip = skip;
    }

    @Override
    public void write(int b) throws IOException {
        if (toSkip > 0) {
            toSkip--;
            return;
        }
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int dropped = (int) Math.min(toSkip, length);
        toSkip -= dropped;
        if (dropped < length) {
            out.write(bytes, offset + dropped, length - dropped);
        }
    }
}
