package dev.fileserver.server.storage;

/**
 * What arrived is not what the sender hashed: nothing was stored.
 *
 * @see #name()
 */
public class DigestMismatchException extends StorageException {

    private final String name;

    private final String entry;

    private final String announced;

    private final String arrived;

    /**
     * @param name      the file, or the folder, as the upload named it
     * @param entry     for a folder, the file inside it that differs; null for a file
     * @param announced the sender's digest; null for a file the sender did not name
     * @param arrived   the digest of what arrived; null for a file that did not arrive
     */
    public DigestMismatchException(String name, String entry, String announced, String arrived) {
        super("'" + name + "'" + (entry == null ? "" : " entry '" + entry + "'") + ": announced SHA-256 "
                + announced + ", arrived " + arrived);
        this.name = name;
        this.entry = entry;
        this.announced = announced;
        this.arrived = arrived;
    }

    public String name() {
        return name;
    }

    public String entry() {
        return entry;
    }

    public String announced() {
        return announced;
    }

    public String arrived() {
        return arrived;
    }
}
