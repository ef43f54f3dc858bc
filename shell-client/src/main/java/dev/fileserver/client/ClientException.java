package dev.fileserver.client;

/**
 * A command failed for a reason the user can act on. The message is the one line shown; the exit
 * code is what a one-shot run returns.
 */
public abstract class ClientException extends Exception {

    /** The server refused or failed the request, or a local file could not be used. */
    public static final int FAILED = 1;

    /** The command line itself was wrong. */
    public static final int USAGE = 2;

    /** No server to talk to: refused, rejected, lost or silent. */
    public static final int CONNECTION = 3;

    protected ClientException(String message) {
        super(message);
    }

    protected ClientException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract int exitCode();

    /**
     * Whether the conversation with the server ended in a known state, so the connection can serve
     * the next command; otherwise it is closed and the next command opens a new one.
     */
    public boolean keepsConnection() {
        return false;
    }
}
