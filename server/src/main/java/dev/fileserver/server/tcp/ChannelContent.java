package dev.fileserver.server.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;

import dev.fileserver.server.session.Session;
import dev.fileserver.wire.TruncatedFrameException;

/**
 * A file frame's content on a plain connection: exactly its length, first what the lookahead
 * already holds, then the socket's. Read as a stream it is any frame's content (timed reads); read
 * as a channel, into a direct buffer, the bytes reach the buffer without a copy through the heap.
 * A channel read has no timeout, so it is marked on the session for the watchdog to keep the idle
 * timeout. Closing it leaves the socket open.
 */
final class ChannelContent extends InputStream implements ReadableByteChannel {

    private final SocketLookahead lookahead;

    private final SocketChannel socket;

    private final Session session;

    private final long length;

    private long remaining;

    ChannelContent(SocketLookahead lookahead, SocketChannel socket, long length, Session session) {
        this.lookahead = lookahead;
        this.socket = socket;
        this.session = session;
        this.length = length;
        this.remaining = length;
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int limit = buffer.limit();
        buffer.limit((int) Math.min(limit, buffer.position() + remaining));
        try {
            int read = lookahead.drainTo(buffer);
            if (read == 0) {
                session.channelReadStarted();
                try {
                    read = socket.read(buffer);
                }
                finally {
                    session.channelReadFinished();
                }
            }
            return counted(read);
        }
        finally {
            buffer.limit(limit);
        }
    }

    @Override
    public int read(byte[] bytes, int offset, int count) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        if (count == 0) {
            return 0;
        }
        return counted(lookahead.read(bytes, offset, (int) Math.min(count, remaining)));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    private int counted(int read) throws TruncatedFrameException {
        if (read < 0) {
            throw new TruncatedFrameException("file content", length, length - remaining);
        }
        remaining -= read;
        return read;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(lookahead.available(), remaining);
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() {
        // the socket carries the rest of the conversation
    }
}
