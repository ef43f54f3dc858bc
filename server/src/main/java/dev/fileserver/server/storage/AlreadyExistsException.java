package dev.fileserver.server.storage;

/** Something new would take a name that is already taken. */
public class AlreadyExistsException extends StorageException {

    private final StoragePath path;

    public AlreadyExistsException(StoragePath path) {
        super("already exists: '" + path + "'");
        this.path = path;
    }

    public StoragePath path() {
        return path;
    }
}
