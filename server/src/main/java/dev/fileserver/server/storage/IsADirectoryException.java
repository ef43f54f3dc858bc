package dev.fileserver.server.storage;

/** A file would replace a folder of the same name; folders are only replaced by folders. */
public class IsADirectoryException extends StorageException {

    private final String name;

    public IsADirectoryException(String name) {
        super("'" + name + "' is a folder");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
