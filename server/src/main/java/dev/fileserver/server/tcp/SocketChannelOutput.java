package dev.fileserver.server.tcp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

import dev.fileserver.server.session.Session;
import dev.fileserver.server.storage.FileChannelOutput;
import dev.fileserver.wire.Transfer;

/**
 * A plain connection's output for one reply: frames through the connection's buffered stream, and
 * a file's content, when nothing wraps this output, from the file's channel to the socket's by
 * {@link FileChannel#transferTo} (sendfile on Linux), once what was buffered before it is flushed.
 */
final class SocketChannelOutput extends FileChannelOutput {

    /**
     * Progress is marked per slice, as the copying path marks it per buffer, so that a slow reader
     * is not taken for a stalled one by the watchdog.
     */
    private static final long SLICE = Transfer.BULK_BUFFER_SIZE;

    private final OutputStream out;

    private final SocketChannel socket;

    private final Session session;

    private long movedByChannel;

    SocketChannelOutput(OutputStream out, SocketChannel socket, Session session) {
        this.out = out;
        this.socket = socket;
        this.session = session;
    }

    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        out.flush();
        long sent = 0;
        while (sent < count) {
            long moved = file.transferTo(position + sent, Math.min(SLICE, count - sent), socket);
            if (moved <= 0) {
                // the file ends before its header said: the copying path reports it
                break;
            }
            sent += moved;
            movedByChannel += moved;
            session.wrote();
        }
        return sent;
    }

    /** The bytes that went by channel so far. */
    long movedByChannel() {
        return movedByChannel;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
