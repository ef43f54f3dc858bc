package dev.fileserver.server.storage;

import java.util.function.BooleanSupplier;

/**
 * One incoming file frame on its way into the store. Until {@link #commit()} nobody sees any of
 * it and the target keeps its previous content; {@link #abort()} leaves nothing behind. Exactly one
 * of the two ends every upload, and abort after commit does nothing. Every failure is a
 * {@link StorageException}, so a caller tells the store's failures from its own source's by type.
 */
public interface Upload {

    /** Appends content; a failure (a full disk, the store unreachable) leaves the upload to be aborted. */
    void write(byte[] bytes, int offset, int length);

    /** Publishes what was received under its final name (a folder tarball unpacked) and returns that path. */
    default StoragePath commit() {
        return commit(() -> false);
    }

    /**
     * As {@link #commit()}, asking {@code abandoned} now and then during long work (a tarball
     * being unpacked) whether the client is still there; once it says no, the work stops, nothing is
     * kept, and {@link UploadAbandonedException} is thrown. It is asked often, so it must be cheap.
     */
    StoragePath commit(BooleanSupplier abandoned);

    void abort();
}
