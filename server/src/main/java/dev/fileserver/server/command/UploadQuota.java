package dev.fileserver.server.command;

import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.PartKey;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.Usage;
import dev.fileserver.server.storage.UsageLedger;
import dev.fileserver.wire.FileHeader;

/**
 * What one upload does to the quotas, from its header to its end. Before any byte: a file holds
 * what it will add (its size, less what the file it replaces and the part it continues hold); a
 * folder's tarball must fit, and its expansion is held to the quotas by the store as it unpacks.
 * Once stored, the change is recorded; a kept part counts until it is resumed or gone.
 */
final class UploadQuota {

    private static final UploadQuota NONE = new UploadQuota(null, null, null, null, Usage.NONE, Usage.NONE, null);

    private final UsageLedger ledger;

    private final FileStore store;

    private final StoragePath directory;

    private final PartKey key;

    private final Usage replaced;

    private final Usage partsTaken;

    private final UsageLedger.Reservation reservation;

    private boolean ended;

    private UploadQuota(UsageLedger ledger, FileStore store, StoragePath directory, PartKey key, Usage replaced,
            Usage partsTaken, UsageLedger.Reservation reservation) {
        this.ledger = ledger;
        this.store = store;
        this.directory = directory;
        this.key = key;
        this.replaced = replaced;
        this.partsTaken = partsTaken;
        this.reservation = reservation;
    }

    /**
     * Refuses the upload of {@code header} into {@code directory} if it would pass a quota, with
     * {@code QuotaExceededException}. {@code key} is the part the upload continues or drops, null
     * when it is not bound to one.
     */
    static UploadQuota reserve(UsageLedger ledger, FileStore store, StoragePath directory, FileHeader header,
            PartKey key) {
        if (!ledger.limited()) {
            return NONE;
        }
        String name = header.compressed() ? header.directoryName() : header.fileName();
        Usage replaced = ledger.measure(directory.child(name));
        if (header.compressed()) {
            ledger.check(directory, name, new Usage(header.fileLen(), 0).minus(replaced));
            return new UploadQuota(ledger, store, directory, null, replaced, Usage.NONE, null);
        }
        long offset = header.extensions().offset();
        // a continued part becomes the file; a part the upload starts over from is dropped
        long part = key == null ? 0 : offset > 0 ? offset : store.keptLength(key);
        Usage partsTaken = part > 0 ? Usage.file(part) : Usage.NONE;
        Usage wanted = Usage.file(header.totalLength()).minus(replaced).minus(offset > 0 ? partsTaken : Usage.NONE);
        return new UploadQuota(ledger, store, directory, key, replaced, partsTaken,
                ledger.reserve(directory, header.fileName(), wanted));
    }

    /** The store began the upload: the part it continues or dropped is no longer a kept part. */
    void begun() {
        if (ledger != null && partsTaken.files() > 0) {
            ledger.record(directory, Usage.NONE.minus(partsTaken));
        }
    }

    /** The upload is in place at {@code stored}: what it holds now replaces what was there. */
    void stored(StoragePath stored) {
        if (ledger != null) {
            ledger.record(stored, ledger.measure(stored).minus(replaced));
        }
    }

    /** The upload ended, stored or not; a suspended one's part, if the store kept it, counts from now. */
    void ended(boolean suspended) {
        if (ledger == null || ended) {
            return;
        }
        ended = true;
        if (reservation != null) {
            reservation.release();
        }
        if (suspended && key != null) {
            long kept = store.keptLength(key);
            if (kept > 0) {
                ledger.record(directory, Usage.file(kept));
            }
        }
    }

    /** For an upload that was never begun. */
    static UploadQuota none() {
        return NONE;
    }
}
