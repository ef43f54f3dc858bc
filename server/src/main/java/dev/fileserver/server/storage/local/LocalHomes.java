package dev.fileserver.server.storage.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fileserver.server.storage.Home;
import dev.fileserver.server.storage.HomeFolders;
import dev.fileserver.server.storage.QuotaCapacity;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.UsageLedger;

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

    private final UsageLedger ledger;

    private final Map<Path, Home> opened = new ConcurrentHashMap<>();

    public LocalHomes(StorageRoot root, UploadPolicy policy, long freeSpaceReserveBytes, int compressionLevel,
            UsageLedger ledger) {
        this.root = root;
        this.policy = policy;
        this.freeSpaceReserveBytes = freeSpaceReserveBytes;
        this.compressionLevel = compressionLevel;
        this.ledger = ledger;
    }

    @Override
    public Home open(String home) {
        Path folder = root.path().resolve(home).normalize();
        Home opening = opened.get(folder);
        if (opening != null && !Files.isDirectory(folder)) {
            // removed meanwhile (by a client of the whole root, say): made again, as at a first login
            opened.remove(folder, opening);
        }
        return opened.computeIfAbsent(folder, this::openFirst);
    }

    /**
     * A home below the root counts against the whole store's quota and its own; one elsewhere, which
     * the root's walks never see, against its own alone.
     */
    private Home openFirst(Path folder) {
        StorageRoot home = StorageRoot.open(folder);
        UsageLedger usage = folder.startsWith(root.path())
                ? ledger.openHome(StoragePath.parse(root.path().relativize(folder).toString()))
                : ledger.apart(new LocalUsageCounter(home));
        LocalFileStore store = new LocalFileStore(home, policy,
                new QuotaCapacity(new FreeSpaceReserve(home, freeSpaceReserveBytes), usage), compressionLevel);
        // a home below the root was cleaned with it at start; one elsewhere is cleaned when first used,
        // before any upload of this server can have begun in it
        if (!folder.startsWith(root.path())) {
            int removed = store.removeStaleTemporaries();
            if (removed > 0) {
                log.info("Removed {} temporary files left by an interrupted run under {}", removed, folder);
            }
        }
        return new Home(store, usage);
    }

    @Override
    public int removeExpiredParts() {
        return opened.values().stream().mapToInt(home -> home.store().removeExpiredParts()).sum();
    }
}
