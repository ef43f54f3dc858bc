package dev.fileserver.server.storage;

/** The root itself is never deleted, whatever path named it. */
public class RootNotDeletableException extends StorageException {

    public RootNotDeletableException() {
        super("the root cannot be deleted");
    }
}
