package dev.fileserver.server.command;

import dev.fileserver.server.storage.StorageException;

/** A listing or tree is one text frame, built in memory: past the limit it is refused. */
class ListingTooLongException extends StorageException {

    private final long limit;

    ListingTooLongException(long limit) {
        super("listing longer than " + limit + " characters");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
