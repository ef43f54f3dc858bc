package dev.fileserver.server.storage;

/** The backend failed while doing what was asked (a disk error, permissions, the store unreachable). */
public class StorageFailureException extends StorageException {

    /** What was being done, so the client is told which step failed. */
    public enum Operation {
        LIST, READ, DELETE, CREATE, RENAME,
        /** Making room for an upload, before its content is read. */
        BEGIN_STORE,
        /** Writing or publishing an upload's content. */
        STORE
    }

    private final Operation operation;

    private final String subject;

    private final String reason;

    /**
     * @param subject the path or name it was done to, as the server knows it
     * @param reason  why, in a few words that never hold a path of the server's own (the backend
     *                knows how to say it)
     */
    public StorageFailureException(Operation operation, String subject, String reason, Throwable cause) {
        super(operation.name().toLowerCase() + " '" + subject + "' failed: " + reason, cause);
        this.operation = operation;
        this.subject = subject;
        this.reason = reason;
    }

    public Operation operation() {
        return operation;
    }

    public String subject() {
        return subject;
    }

    public String reason() {
        return reason;
    }
}
