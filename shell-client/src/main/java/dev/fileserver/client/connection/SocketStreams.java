package dev.fileserver.client.connection;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * Marks every failure of the socket's own streams as a {@link LinkBrokenException}, so that code
 * copying between the socket and a local file can tell a lost connection from a full disk.
 */
final class SocketStreams {

    private SocketStreams() {
    }

    static InputStream input(InputStream in, Duration readTimeout) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                }
                catch (IOException e) {
                    throw LinkBrokenException.of(e, readTimeout);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return in.read(buffer, offset, length);
                }
                catch (IOException e) {
                    throw LinkBrokenException.of(e, readTimeout);
                }
            }
        };
    }

    static OutputStream output(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                try {
                    out.write(b);
                }
                catch (IOException e) {
                    throw LinkBrokenException.of(e, null);
                }
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                try {
                    out.write(buffer, offset, length);
                }
                catch (IOException e) {
                    throw LinkBrokenException.of(e, null);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                }
                catch (IOException e) {
                    throw LinkBrokenException.of(e, null);
                }
            }
        };
    }

    /** An I/O failure of the socket itself. */
    static final class LinkBrokenException extends IOException {

        private LinkBrokenException(String message, Throwable cause) {
            super(message, cause);
        }

        static LinkBrokenException of(IOException cause, Duration readTimeout) {
            if (cause instanceof LinkBrokenException broken) {
                return broken;
            }
            if (cause instanceof SocketTimeoutException && readTimeout != null) {
                return new LinkBrokenException("no answer within " + readTimeout.toSeconds() + " s", cause);
            }
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return new LinkBrokenException(reason.toLowerCase(Locale.ROOT), cause);
        }
    }
}
