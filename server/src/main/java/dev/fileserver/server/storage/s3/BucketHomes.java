package dev.fileserver.server.storage.s3;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.fileserver.server.storage.Home;
import dev.fileserver.server.storage.HomeFolders;
import dev.fileserver.server.storage.QuotaCapacity;
import dev.fileserver.server.storage.PathOutsideRootException;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.UsageLedger;

/**
 * Homes in the bucket: key prefixes below the served one. A home is a path relative to the served
 * prefix, confined by its letters as a client's path is ({@code ..} and absolute paths refused);
 * nothing needs making, since a prefix exists as soon as a key has it.
 */
public final class BucketHomes implements HomeFolders {

    private final S3FileStore store;

    private final UsageLedger ledger;

    private final Map<StoragePath, Home> opened = new ConcurrentHashMap<>();

    public BucketHomes(S3FileStore store, UsageLedger ledger) {
        this.store = store;
        this.ledger = ledger;
    }

    @Override
    public Home open(String home) {
        StoragePath path = StoragePath.parse(home);
        if (path.isRoot()) {
            // a home that is the whole served tree is a mistake in the users file, not a wish
            throw new PathOutsideRootException();
        }
        return opened.computeIfAbsent(path.requirePlainNames(), prefix -> {
            UsageLedger usage = ledger.openHome(prefix);
            return new Home(store.below(prefix, new QuotaCapacity(QuotaCapacity.UNBOUNDED, usage)), usage);
        });
    }

    @Override
    public int removeExpiredParts() {
        return opened.values().stream().mapToInt(home -> home.store().removeExpiredParts()).sum();
    }
}
