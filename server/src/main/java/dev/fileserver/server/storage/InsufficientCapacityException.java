package dev.fileserver.server.storage;

/** Storing this many bytes would go past what the {@link CapacityPolicy} allows. */
public class InsufficientCapacityException extends StorageException {

    private final String name;

    private final long size;

    public InsufficientCapacityException(String name, long size) {
        super("no room for '" + name + "' (" + size + " bytes)");
        this.name = name;
        this.size = size;
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }
}
