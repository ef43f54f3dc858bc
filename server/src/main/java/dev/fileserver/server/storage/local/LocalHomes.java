package dev.fileserver.server.storage.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.HomeFolders;

/**
 * Homes on the local disk: each one a {@link LocalFileStore} over its own {@link StorageRoot}, so
 * that a link in a home pointing anywhere outside it (into another account's home, say) is refused
 * by the same check that keeps every client inside the served root. A relative home is below the
 * served root; an absolute one may be anywhere the operator chose.
 */
public final class LocalHomes implements HomeFolders {

    private static final Logger log = LoggerFactory.getLogger(LocalHomes.class);

    private final StorageRoot root;

    private final UploadPolicy policy;

    private final long freeSpaceReserveBytes;

    private final int compressionLevel;

    private final Map<Path, LocalFileStore> opened = new ConcurrentHashMap<>();

    public LocalHomes(StorageRoot root, UploadPolicy policy, long freeSpaceReserveBytes, int compressionLevel) {
        this.root = root;
        this.policy = policy;
        this.freeSpaceReserveBytes = freeSpaceReserveBytes;
        this.compressionLevel = compressionLevel;
    }

    @Override
    public FileStore open(String home) {
        Path folder = root.path().resolve(home).normalize();
        LocalFileStore store = opened.get(folder);
        if (store != null && !Files.isDirectory(store.root().path())) {
            // removed meanwhile (by a client of the whole root, say): made again, as at a first login
            opened.remove(folder, store);
        }
        return opened.computeIfAbsent(folder, this::openFirst);
    }

    private LocalFileStore openFirst(Path folder) {
        LocalFileStore store = LocalFileStore.open(folder, policy, freeSpaceReserveBytes, compressionLevel);
        // a home below the root was cleaned with it at start; one elsewhere is cleaned when first used,
        // before any upload of this server can have begun in it
        if (!folder.startsWith(root.path())) {
            int removed = store.removeStaleTemporaries();
            if (removed > 0) {
                log.info("Removed {} temporary files left by an interrupted run under {}", removed, folder);
            }
        }
        return store;
    }

    @Override
    public int removeExpiredParts() {
        return opened.values().stream().mapToInt(LocalFileStore::removeExpiredParts).sum();
    }
}
