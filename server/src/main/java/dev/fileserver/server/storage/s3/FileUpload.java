package dev.fileserver.server.storage.s3;

import java.util.function.BooleanSupplier;

import java.io.IOException;

import software.amazon.awssdk.core.exception.SdkException;

import dev.fileserver.server.storage.IsADirectoryException;
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
 */
final class FileUpload implements Upload {

    private final StoragePath directory;

    private final FileHeader header;

    private final Bucket bucket;

    private final ObjectWriter writer;

    private final BackgroundWork work;

    private boolean finished;

    FileUpload(StoragePath directory, FileHeader header, Bucket bucket, Precondition precondition,
            Transfers transfers) {
        this.directory = directory;
        this.header = header;
        this.bucket = bucket;
        this.work = transfers.forUpload();
        this.writer = new ObjectWriter(bucket, key(), ObjectModes.metadata(header.accessBits()), precondition,
                transfers.buffers(), work);
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
            writer.close();
            work.awaitAll();
        }
        catch (IOException | SdkException e) {
            throw failed(e);
        }
        finished = true;
        return path;
    }

    @Override
    public void abort() {
        if (!finished) {
            finished = true;
            writer.abort();
        }
    }

    private StorageFailureException failed(Exception e) {
        return StoreProblems.failed(Operation.STORE, header.fileName(), e);
    }
}
