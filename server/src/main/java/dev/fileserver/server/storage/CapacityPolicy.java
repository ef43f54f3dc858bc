package dev.fileserver.server.storage;

import java.io.IOException;

import dev.fileserver.wire.archive.ExtractionSink;

/**
 * How much more may be stored, asked before an upload starts and again for what a folder may
 * expand to. On disk: free space above a reserve; on an object store: a quota.
 */
public interface CapacityPolicy {

    /** Bytes that may still be stored anywhere; an upload that adds any is refused at zero or less. */
    long availableBytes() throws IOException;

    /**
     * Bytes that may still be stored in {@code directory}: the same everywhere unless the backend
     * spans several devices (a folder inside the local root may be another disk's mount point).
     */
    default long availableBytes(StoragePath directory) throws IOException {
        return availableBytes();
    }

    /** Refuses {@code bytes} more for {@code name} in {@code directory} if they do not fit. */
    default void require(StoragePath directory, String name, long bytes) throws IOException {
        if (availableBytes(directory) < bytes) {
            throw new InsufficientCapacityException(name, bytes);
        }
    }

    /**
     * Wraps the sink a folder named {@code folderName} unpacks into below {@code directory} so that
     * it stops once the folder takes more than may be stored; the default adds nothing.
     */
    default ExtractionSink guard(StoragePath directory, String folderName, ExtractionSink sink) {
        return sink;
    }
}
