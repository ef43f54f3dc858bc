package dev.fileserver.server.config;

/** The server cannot start as configured; the message names the property and the problem. */
public class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
