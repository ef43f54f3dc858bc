package dev.fileserver.server.storage.s3;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.HomeFolders;
import dev.fileserver.server.storage.PathOutsideRootException;
import dev.fileserver.server.storage.StoragePath;

/**
 * Homes in the bucket: key prefixes below the served one. A home is a path relative to the served
 * prefix, confined by its letters as a client's path is ({@code ..} and absolute paths refused);
 * nothing needs making, since a prefix exists as soon as a key has it.
 */
public final class BucketHomes implements HomeFolders {

    private final S3FileStore store;

    private final Map<StoragePath, FileStore> opened = new ConcurrentHashMap<>();

    public BucketHomes(S3FileStore store) {
        this.store = store;
    }

    @Override
    public FileStore open(String home) {
        StoragePath path = StoragePath.parse(home);
        if (path.isRoot()) {
            // a home that is the whole served tree is a mistake in the users file, not a wish
            throw new PathOutsideRootException();
        }
        return opened.computeIfAbsent(path.requirePlainNames(), store::below);
    }
}
