package dev.fileserver.wire;

import java.io.IOException;

/**
 * The peer broke the framing: what follows on the stream can no longer be trusted, so the
 * connection should be closed after reporting this message.
 */
public class ProtocolException extends IOException {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
