package dev.fileserver.server.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

import dev.fileserver.wire.Transfer;

/**
 * A client socket's input, able to tell whether the client has gone away while nothing reads it:
 * during long work on the connection's thread (unpacking a folder) nothing else would notice a
 * close or a reset until the work is done. {@link #peerGone()} reads ahead with a timeout of one
 * millisecond and keeps whatever arrived (the client's next request) for the next read, so the
 * frames reach the deserializer exactly as sent. Used from the connection's thread only.
 */
final class SocketLookahead extends InputStream {

    /** How often the socket is looked at, at most: each look may wait one millisecond. */
    private static final long CHECK_INTERVAL_NANOS = 100_000_000L;

    /** Bytes kept at most; a client that sends more while waiting for its reply is not gone. */
    private static final int LOOKAHEAD = 8192;

    private final Socket socket;

    private final InputStream in;

    /** Made on the first look: most connections never do long work, and an idle one should cost little. */
    private byte[] ahead;

    private int start;

    private int end;

    private boolean endOfStream;

    private IOException failure;

    private long nextCheck = System.nanoTime();

    SocketLookahead(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Whether the client has closed or reset its end; looks at the socket at most every 100 ms. */
    boolean peerGone() {
        if (endOfStream || failure != null) {
            return true;
        }
        long now = System.nanoTime();
        if (now - nextCheck < 0 || ahead != null && end == ahead.length) {
            return false;
        }
        nextCheck = now + CHECK_INTERVAL_NANOS;
        readAhead();
        return endOfStream || failure != null;
    }

    private void readAhead() {
        try {
            if (ahead == null) {
                ahead = new byte[LOOKAHEAD];
            }
            int timeout = socket.getSoTimeout();
            socket.setSoTimeout(1);
            try {
                int read = in.read(ahead, end, ahead.length - end);
                if (read < 0) {
                    endOfStream = true;
                }
                else {
                    end += read;
                }
            }
            catch (SocketTimeoutException e) {
                // nothing arrived: the client is still there, or at least has not said otherwise
            }
            finally {
                socket.setSoTimeout(timeout);
            }
        }
        catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (start < end) {
            int n = Math.min(length, end - start);
            System.arraycopy(ahead, start, buffer, offset, n);
            start += n;
            if (start == end) {
                start = 0;
                end = 0;
            }
            return n;
        }
        if (failure != null) {
            throw failure;
        }
        if (endOfStream) {
            return -1;
        }
        return in.read(buffer, offset, Math.min(length, Transfer.NIO_SLICE));
    }

    /** Moves the bytes read ahead, as many as fit, into {@code buffer}; 0 when none are held. */
    int drainTo(ByteBuffer buffer) {
        int n = Math.min(buffer.remaining(), end - start);
        if (n > 0) {
            buffer.put(ahead, start, n);
            start += n;
            if (start == end) {
                start = 0;
                end = 0;
            }
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return end - start + (endOfStream || failure != null ? 0 : in.available());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
