package dev.fileserver.server.storage;

/** An upload announces more bytes than one upload may have. */
public class UploadTooLargeException extends StorageException {

    private final String name;

    private final long size;

    private final long limit;

    public UploadTooLargeException(String name, long size, long limit) {
        super("upload '" + name + "' of " + size + " bytes is over the limit of " + limit);
        this.name = name;
        this.size = size;
        this.limit = limit;
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}
