package dev.fileserver.server.storage;

/**
 * Storing {@code name} would take the folder {@code scope} past its quota of bytes or of files.
 *
 * @param files whether the files quota is the one passed (else the bytes quota)
 */
public class QuotaExceededException extends StorageException {

    private final StoragePath scope;

    private final String name;

    private final boolean files;

    private final long limit;

    private final long used;

    public QuotaExceededException(StoragePath scope, String name, boolean files, long limit, long used) {
        super("'" + name + "' would take '" + scope + "' past its quota of " + limit + (files ? " files" : " bytes")
                + " (" + used + " used)");
        this.scope = scope;
        this.name = name;
        this.files = files;
        this.limit = limit;
        this.used = used;
    }

    public StoragePath scope() {
        return scope;
    }

    public String name() {
        return name;
    }

    public boolean files() {
        return files;
    }

    public long limit() {
        return limit;
    }

    public long used() {
        return used;
    }
}
