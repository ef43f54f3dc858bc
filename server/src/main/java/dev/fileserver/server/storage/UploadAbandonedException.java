package dev.fileserver.server.storage;

/** The client went away while its upload was being stored; the work was stopped and nothing kept. */
public class UploadAbandonedException extends StorageException {

    private final String name;

    public UploadAbandonedException(String name, Throwable cause) {
        super("'" + name + "' abandoned by the client before it was stored", cause);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
