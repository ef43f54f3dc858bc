package dev.fileserver.server.storage;

/** The path leads outside the served root: by its letters, or through a link. */
public class PathOutsideRootException extends StorageException {

    public PathOutsideRootException() {
        super("path outside the root");
    }
}
