package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.fileserver.server.storage.CapacityPolicy;
import dev.fileserver.server.storage.StoragePath;

/**
 * The local disk's capacity: the usable space of the disk a folder is on, less a reserve kept free
 * for the system and for the temporaries of uploads under way. The one place that asks a disk how
 * full it is.
 */
public final class FreeSpaceReserve implements CapacityPolicy {

    private final StorageRoot root;

    private final long reserveBytes;

    public FreeSpaceReserve(StorageRoot root, long reserveBytes) {
        this.root = root;
        this.reserveBytes = reserveBytes;
    }

    public long usableBytes() throws IOException {
        return usableBytes(root.path());
    }

    public long reserveBytes() {
        return reserveBytes;
    }

    @Override
    public long availableBytes() throws IOException {
        return usableBytes() - reserveBytes;
    }

    @Override
    public long availableBytes(StoragePath directory) throws IOException {
        return usableBytes(root.resolve(directory)) - reserveBytes;
    }

    private static long usableBytes(Path folder) throws IOException {
        return Files.getFileStore(folder).getUsableSpace();
    }
}
