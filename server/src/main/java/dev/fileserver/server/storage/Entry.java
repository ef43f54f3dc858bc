package dev.fileserver.server.storage;

import java.time.Instant;

/**
 * One name in a folder listing, as the backend stores it; how it is shown is the command's business.
 *
 * @param permissions the rwx bits (0 to 0777); a backend without them reports 0755 for a folder
 *                    and 0644 for anything else
 */
public record Entry(String name, EntryType type, long size, Instant modified, int permissions) {

    /** An entry whose backend keeps no permission bits. */
    public Entry(String name, EntryType type, long size, Instant modified) {
        this(name, type, size, modified, type == EntryType.DIRECTORY ? 0755 : 0644);
    }
}
