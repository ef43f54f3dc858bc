package dev.fileserver.wire.archive;

import java.io.IOException;

/** A received archive tried to leave its target folder, exceeded a limit, or is not a valid tarball. */
public class UnsafeArchiveException extends IOException {

    public UnsafeArchiveException(String message) {
        super("Error: " + message);
    }

    public UnsafeArchiveException(String message, Throwable cause) {
        super("Error: " + message, cause);
    }

    /** The archive could not be read as a gzip tarball; {@code cause} says where. */
    static UnsafeArchiveException notATarball(Exception cause) {
        return new UnsafeArchiveException("not a valid gzip tarball (" + cause.getMessage() + ")", cause);
    }
}
