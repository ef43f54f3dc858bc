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

    private final int exitCode;

    private final boolean keepsConnection;

    /**
     * @param keepsConnection whether the conversation with the server ended in a known state, so
     *                        the connection can serve the next command; otherwise it is closed and
     *                        the next command opens a new one
     */
    protected ClientException(String message, Throwable cause, int exitCode, boolean keepsConnection) {
        super(message, cause);
        this.exitCode = exitCode;
        this.keepsConnection = keepsConnection;
    }

    public int exitCode() {
        return exitCode;
    }

    public boolean keepsConnection() {
        return keepsConnection;
    }
}
