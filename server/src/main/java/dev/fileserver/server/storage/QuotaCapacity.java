package dev.fileserver.server.storage;

import java.io.IOException;

import dev.fileserver.wire.archive.ExtractionSink;

/**
 * The backend's own capacity (a disk's free space above its reserve, or none on an object store)
 * with the quotas of the {@link UsageLedger} on top: a folder's expansion is held to both.
 */
public final class QuotaCapacity implements CapacityPolicy {

    /** An object store's own capacity: none to speak of, its quota is the ledger's. */
    public static final CapacityPolicy UNBOUNDED = () -> Long.MAX_VALUE;

    private final CapacityPolicy backend;

    private final UsageLedger ledger;

    public QuotaCapacity(CapacityPolicy backend, UsageLedger ledger) {
        this.backend = backend;
        this.ledger = ledger;
    }

    public UsageLedger ledger() {
        return ledger;
    }

    @Override
    public long availableBytes() throws IOException {
        return backend.availableBytes();
    }

    @Override
    public long availableBytes(StoragePath directory) throws IOException {
        return backend.availableBytes(directory);
    }

    @Override
    public void require(StoragePath directory, String name, long bytes) throws IOException {
        backend.require(directory, name, bytes);
    }

    /**
     * The room is what the quotas leave now, plus what the folder being replaced holds, which goes
     * once the new one is in place.
     */
    @Override
    public ExtractionSink guard(StoragePath directory, String folderName, ExtractionSink sink) {
        if (!ledger.limited()) {
            return sink;
        }
        UsageLedger.Room room = ledger.room(directory);
        Usage replaced = ledger.measure(directory.child(folderName));
        return new QuotaGuard(sink, room.plus(replaced), folderName);
    }
}
