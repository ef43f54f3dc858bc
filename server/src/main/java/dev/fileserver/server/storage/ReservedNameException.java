package dev.fileserver.server.storage;

/** An uploaded folder holds a name the server keeps for its own temporaries. */
public class ReservedNameException extends StorageException {

    private final String entry;

    public ReservedNameException(String entry) {
        super("archive holds the reserved name '" + entry + "'");
        this.entry = entry;
    }

    /** The entry's path inside the archive. */
    public String entry() {
        return entry;
    }
}
