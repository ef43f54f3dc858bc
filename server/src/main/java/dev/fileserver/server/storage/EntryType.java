package dev.fileserver.server.storage;

/** What a path is, in the words the v1 wire uses for it. */
public enum EntryType {

    FILE("file"), DIRECTORY("dir"), NOT_FOUND("not_found");

    private final String wireName;

    EntryType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
