package dev.fileserver.server.command;

import dev.fileserver.server.storage.StorageException;

/** A read-only account asked for something that writes. */
class ReadOnlyAccountException extends StorageException {

    ReadOnlyAccountException(String account) {
        super(account + " is read-only");
    }
}
