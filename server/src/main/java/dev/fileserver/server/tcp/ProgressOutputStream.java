package dev.fileserver.server.tcp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import dev.fileserver.server.session.Session;

/** Marks the session's write progress at every write (one clock read per 64 KiB chunk). */
final class ProgressOutputStream extends FilterOutputStream {

    private final Session session;

    ProgressOutputStream(OutputStream out, Session session) {
        super(out);
        this.session = session;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        session.wrote();
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        session.wrote();
    }
}
