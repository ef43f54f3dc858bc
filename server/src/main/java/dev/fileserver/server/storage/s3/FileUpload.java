package dev.fileserver.server.storage.s3;

import java.io.IOException;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

import dev.fileserver.server.storage.IsADirectoryException;
import dev.fileserver.server.storage.PartKey;
import dev.fileserver.server.storage.StorageFailureException;
import dev.fileserver.server.storage.StorageFailureException.Operation;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.Upload;
import dev.fileserver.wire.FileHeader;

/**
 * One incoming file, written straight to its final key by an {@link ObjectWriter}: until
 * {@link #commit()} completes the write, readers keep seeing the previous object under that key.
 * The write carries the {@link Precondition} taken when the upload began, so that of two uploads of
 * one name at once (through two servers, say) the second to finish is refused rather than
 * silently replacing the first.
 * <p>
 * One bound to a {@link PartKey} may be kept when cut: its parts go to the kept part's key, where
 * {@link #suspend()} completes them into the kept part, and a commit copies them to the final key
 * and deletes the part (see {@link ObjectWriter}). One that continues a kept part starts from it.
 */
final class FileUpload implements Upload {

    private static final Logger log = LoggerFactory.getLogger(FileUpload.class);

    private final StoragePath directory;

    private final FileHeader header;

    private final Bucket bucket;

    private final ObjectWriter writer;

    private final BackgroundWork work;

    /** Where this upload is kept if cut, and the part it continues is; null when it is not bound to one. */
    private final KeptPartObjects parts;

    private final PartKey partKey;

    private boolean finished;

    /**
     * Whether the object at the part key is this upload's to drop when it is aborted: the part it
     * continues, or what its commit completed there. Until then the key may hold another upload's.
     */
    private boolean ownsPart;

    FileUpload(StoragePath directory, FileHeader header, Bucket bucket, Precondition precondition,
            Transfers transfers) {
        this(directory, header, bucket, precondition, transfers, null, null);
    }

    /** @param parts where a cut upload is kept under {@code partKey}; null to keep nothing */
    FileUpload(StoragePath directory, FileHeader header, Bucket bucket, Precondition precondition,
            Transfers transfers, KeptPartObjects parts, PartKey partKey) {
        this.directory = directory;
        this.header = header;
        this.bucket = bucket;
        this.work = transfers.forUpload();
        this.parts = parts;
        this.partKey = partKey;
        this.writer = new ObjectWriter(bucket, key(), parts == null ? key() : parts.key(partKey),
                ObjectModes.metadata(header.accessBits()), precondition, transfers.buffers(), work);
    }

    /** Goes on from {@code kept}, the part kept under this upload's key; see {@link ObjectWriter#continueFrom}. */
    void continueFrom(StoredObject kept) {
        try {
            writer.continueFrom(kept);
        }
        catch (IOException | SdkException e) {
            // the part stays: it may have been replaced meanwhile by a longer one that another upload kept
            abort();
            throw failed(e);
        }
        ownsPart = true;
    }

    private String key() {
        return bucket.fileKey(directory.child(header.fileName()));
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        try {
            writer.write(bytes, offset, length);
        }
        catch (IOException | SdkException e) {
            throw failed(e);
        }
    }

    @Override
    public StoragePath commit(BooleanSupplier abandoned) {
        StoragePath path = directory.child(header.fileName());
        try {
            if (bucket.holdsAnyUnder(bucket.folderKey(path))) {
                throw new IsADirectoryException(header.fileName());
            }
            // a commit completes a multipart upload at the part key before it copies
            ownsPart = ownsPart || (parts != null && writer.multipart());
            writer.close();
            work.awaitAll();
        }
        catch (IOException | SdkException e) {
            throw failed(e);
        }
        finished = true;
        dropPart();
        return path;
    }

    /** Leaves nothing, not even the part it continued, as an aborted upload on disk does. */
    @Override
    public void abort() {
        if (!finished) {
            finished = true;
            writer.abort();
            dropPart();
        }
    }

    /** Keeps what arrived under the part key, where the same upload finds it again. */
    @Override
    public void suspend() {
        if (finished || parts == null || !header.extensions().resumable()) {
            abort();
            return;
        }
        try {
            writer.keep();
            finished = true;
        }
        catch (IOException | SdkException e) {
            log.warn("Could not keep what arrived of '{}' for a resume: {}", header.fileName(), StoreProblems.reason(e));
            // the part this upload went on from is still whole: a failed keep must not cost it too
            finished = true;
            writer.abort();
        }
    }

    private void dropPart() {
        if (!ownsPart) {
            return;
        }
        try {
            parts.drop(partKey);
        }
        catch (SdkException e) {
            log.warn("Could not delete the kept part of '{}' (it expires on its own): {}", header.fileName(),
                    StoreProblems.reason(e));
        }
    }

    private StorageFailureException failed(Exception e) {
        return StoreProblems.failed(Operation.STORE, header.fileName(), e);
    }
}
