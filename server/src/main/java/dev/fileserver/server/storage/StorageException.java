package dev.fileserver.server.storage;

/**
 * Something stored cannot be done as asked. Subclasses carry what happened as data; the words a
 * client sees are chosen in one place outside storage, and the message here is for the log.
 */
public abstract class StorageException extends RuntimeException {

    protected StorageException(String logMessage) {
        super(logMessage);
    }

    protected StorageException(String logMessage, Throwable cause) {
        super(logMessage, cause);
    }
}
