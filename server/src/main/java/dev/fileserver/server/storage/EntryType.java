package dev.fileserver.server.storage;

/**
 * What a path is. {@link FileStore#typeOf} follows links and answers only {@code FILE},
 * {@code DIRECTORY} or {@code NOT_FOUND}; a listed {@link Entry} is what the name itself is.
 */
public enum EntryType {

    FILE, DIRECTORY, LINK, OTHER, NOT_FOUND
}
