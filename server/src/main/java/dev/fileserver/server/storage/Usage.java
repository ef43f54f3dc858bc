package dev.fileserver.server.storage;

/**
 * What is stored below a folder, as a quota counts it: the bytes of its regular files and how
 * many there are. Also a change of that ({@link #minus}), which may be negative.
 */
public record Usage(long bytes, long files) {

    public static final Usage NONE = new Usage(0, 0);

    /** One file of {@code bytes}. */
    public static Usage file(long bytes) {
        return new Usage(bytes, 1);
    }

    public Usage plus(Usage other) {
        return new Usage(bytes + other.bytes, files + other.files);
    }

    public Usage minus(Usage other) {
        return new Usage(bytes - other.bytes, files - other.files);
    }
}
