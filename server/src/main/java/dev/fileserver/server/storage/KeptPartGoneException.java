package dev.fileserver.server.storage;

/** An upload continues a kept part that is no longer there, or no longer as long as it was. */
public class KeptPartGoneException extends StorageException {

    private final String name;

    public KeptPartGoneException(String name) {
        super("the kept part of '" + name + "' is gone");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
