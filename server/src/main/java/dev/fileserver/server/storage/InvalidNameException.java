package dev.fileserver.server.storage;

/** A name for something new is not a plain base name (see {@link Names#isPlain}). */
public class InvalidNameException extends StorageException {

    private final String name;

    public InvalidNameException(String name) {
        super("invalid name: '" + Names.visible(name) + "'");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
