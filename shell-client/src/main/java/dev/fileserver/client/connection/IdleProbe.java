package dev.fileserver.client.connection;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Whether the server hung up while the link sat idle between requests (its idle timeout, a
 * restart), found out without blocking, so that the next request goes on a new link instead of
 * failing.
 */
final class IdleProbe {

    private final Socket socket;

    private final BufferedInputStream in;

    private final Duration readTimeout;

    IdleProbe(Socket socket, BufferedInputStream in, Duration readTimeout) {
        this.socket = socket;
        this.in = in;
        this.readTimeout = readTimeout;
    }

    boolean serverHungUp() {
        if (socket.isClosed()) {
            return true;
        }
        try {
            socket.setSoTimeout(1);
            in.mark(1);
            if (in.read() < 0) {
                return true;
            }
            // unexpected bytes between requests: left for the next conversation to trip on
            in.reset();
            return false;
        }
        catch (SocketTimeoutException e) {
            return false;
        }
        catch (IOException e) {
            return true;
        }
        finally {
            try {
                socket.setSoTimeout((int) readTimeout.toMillis());
            }
            catch (IOException ignored) {
                // closed meanwhile: the next read says so
            }
        }
    }
}
