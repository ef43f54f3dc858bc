package dev.fileserver.server.storage;

/**
 * How a backend counts what is stored below a path, by walking it: the local disk's tree, an
 * object store's listing. A file path counts as itself; a missing one as nothing. The server's own
 * temporaries are left out, except the kept parts of interrupted uploads, which count at the root.
 * A failure is a {@link StorageFailureException}.
 */
@FunctionalInterface
public interface UsageCounter {

    Usage count(StoragePath path);
}
