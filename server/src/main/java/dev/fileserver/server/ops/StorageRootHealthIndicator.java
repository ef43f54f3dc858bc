package dev.fileserver.server.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import dev.fileserver.server.storage.ConditionalOnLocalStorage;
import dev.fileserver.server.storage.local.FreeSpaceReserve;
import dev.fileserver.server.storage.local.StorageRoot;

/**
 * {@code storageRoot}: UP while the root is a readable, writable folder with more free space than
 * the reserve; DOWN when it is not usable, OUT_OF_SERVICE when uploads would be refused for space.
 */
@Component
@ConditionalOnLocalStorage
class StorageRootHealthIndicator extends AbstractHealthIndicator {

    private final StorageRoot root;

    private final FreeSpaceReserve capacity;

    StorageRootHealthIndicator(StorageRoot root, FreeSpaceReserve capacity) {
        super("Storage root check failed");
        this.root = root;
        this.capacity = capacity;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws IOException {
        Path path = root.path();
        builder.withDetail("root", path.toString());
        if (!Files.isDirectory(path) || !Files.isReadable(path) || !Files.isWritable(path)) {
            builder.down().withDetail("problem", "not a readable and writable folder");
            return;
        }
        builder.withDetail("freeBytes", capacity.usableBytes()).withDetail("reserveBytes", capacity.reserveBytes());
        if (capacity.availableBytes() <= 0) {
            builder.status(Status.OUT_OF_SERVICE).withDetail("problem", "free space is below the reserve");
        }
        else {
            builder.up();
        }
    }
}
