package dev.fileserver.server.storage;

/** A rename that cannot be done whatever is stored: the root, or a folder into itself. */
public class InvalidMoveException extends StorageException {

    private final StoragePath from;

    private final StoragePath to;

    public InvalidMoveException(StoragePath from, StoragePath to) {
        super("cannot move '" + from + "' to '" + to + "'");
        this.from = from;
        this.to = to;
    }

    public StoragePath from() {
        return from;
    }

    public StoragePath to() {
        return to;
    }
}
