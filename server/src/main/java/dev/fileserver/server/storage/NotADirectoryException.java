package dev.fileserver.server.storage;

/** A folder was needed and the path is something else. */
public class NotADirectoryException extends StorageException {

    private final StoragePath path;

    public NotADirectoryException(StoragePath path) {
        super("not a folder: '" + path + "'");
        this.path = path;
    }

    public StoragePath path() {
        return path;
    }
}
