package dev.fileserver.server.storage;

/** Nothing (that may be served) has that path. */
public class NotFoundException extends StorageException {

    private final StoragePath path;

    public NotFoundException(StoragePath path) {
        super("not found: '" + path + "'");
        this.path = path;
    }

    public StoragePath path() {
        return path;
    }
}
