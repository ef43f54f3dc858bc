package dev.fileserver.client;

/** A local file or folder could not be read or written. */
public class LocalFileException extends ClientException {

    public LocalFileException(String message, boolean keepsConnection) {
        super(message, null, FAILED, keepsConnection);
    }

    public LocalFileException(String message, Throwable cause, boolean keepsConnection) {
        super(message, cause, FAILED, keepsConnection);
    }
}
