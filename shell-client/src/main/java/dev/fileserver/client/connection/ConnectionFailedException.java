package dev.fileserver.client.connection;

import dev.fileserver.client.ClientException;

/** The server could not be reached, turned the connection away, went silent or went away. */
public class ConnectionFailedException extends ClientException {

    public ConnectionFailedException(String message) {
        super(message, null, CONNECTION, false);
    }

    public ConnectionFailedException(String message, Throwable cause) {
        super(message, cause, CONNECTION, false);
    }
}
