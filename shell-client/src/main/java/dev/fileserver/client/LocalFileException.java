package dev.fileserver.client;

/** A local file or folder could not be read or written. */
public class LocalFileException extends ClientException {

    private final boolean keepsConnection;

    public LocalFileException(String message, boolean keepsConnection) {
        super(message);
        this.keepsConnection = keepsConnection;
    }

    public LocalFileException(String message, Throwable cause, boolean keepsConnection) {
        super(message, cause);
        this.keepsConnection = keepsConnection;
    }

    @Override
    public int exitCode() {
        return FAILED;
    }

    @Override
    public boolean keepsConnection() {
        return keepsConnection;
    }
}
