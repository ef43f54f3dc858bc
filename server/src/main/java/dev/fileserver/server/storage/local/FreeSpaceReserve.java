package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.fileserver.server.storage.CapacityPolicy;

/**
 * The local disk's capacity: its usable space less a reserve kept free for the system and for the
 * temporaries of uploads under way. The one place that asks the disk how full it is.
 */
public final class FreeSpaceReserve implements CapacityPolicy {

    private final Path folder;

    private final long reserveBytes;

    public FreeSpaceReserve(Path folder, long reserveBytes) {
        this.folder = folder;
        this.reserveBytes = reserveBytes;
    }

    public long usableBytes() throws IOException {
        return Files.getFileStore(folder).getUsableSpace();
    }

    public long reserveBytes() {
        return reserveBytes;
    }

    @Override
    public long availableBytes() throws IOException {
        return usableBytes() - reserveBytes;
    }
}
