package dev.fileserver.server.storage;

import java.io.IOException;

/**
 * How much more may be stored, asked before an upload starts and again for what a folder may
 * expand to. On disk: free space above a reserve; on an object store: a quota.
 */
public interface CapacityPolicy {

    /** Bytes that may still be stored; zero or less refuses every upload. */
    long availableBytes() throws IOException;

    /** Refuses {@code bytes} more for {@code name} if they do not fit. */
    default void require(String name, long bytes) throws IOException {
        if (availableBytes() < bytes) {
            throw new InsufficientCapacityException(name, bytes);
        }
    }
}
