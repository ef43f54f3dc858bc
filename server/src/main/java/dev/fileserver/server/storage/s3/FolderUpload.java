package dev.fileserver.server.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

import dev.fileserver.server.storage.ArchiveRefusedException;
import dev.fileserver.server.storage.ArchiveTopLevelException;
import dev.fileserver.server.storage.CapacityPolicy;
import dev.fileserver.server.storage.StorageException;
import dev.fileserver.server.storage.StorageFailureException;
import dev.fileserver.server.storage.StorageFailureException.Operation;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.DigestMismatchException;
import dev.fileserver.server.storage.Upload;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.Transfer;
import dev.fileserver.wire.archive.TarballExtractor;
import dev.fileserver.wire.digest.EntryDigests;
import dev.fileserver.wire.archive.ExtractionSink;
import dev.fileserver.wire.archive.TarballLimits;
import dev.fileserver.wire.archive.UnsafeArchiveException;

/**
 * One incoming folder, unpacked as it arrives: the tarball goes through a {@link ByteHandoff} to a
 * pool thread that extracts it into a {@link StagedFolderSink}, so nothing is spooled and the server
 * keeps no state on disk. {@link #commit()} waits for the extraction, checks the archive held the
 * folder it is named for, and has the {@link FolderPublisher} put it in place; an archive refused or
 * an upload given up leaves the old folder untouched and the staging deleted.
 */
final class FolderUpload implements Upload {

    private static final Logger log = LoggerFactory.getLogger(FolderUpload.class);

    private final StoragePath directory;

    private final FileHeader header;

    private final Bucket bucket;

    private final Transfers transfers;

    private final CapacityPolicy capacity;

    private final String stagingKey;

    private final StagedFolderSink sink;

    private final ByteHandoff handoff = new ByteHandoff(4 * Transfer.BUFFER_SIZE);

    private final CompletableFuture<List<String>> extraction;

    private boolean finished;

    private final Map<String, String> arrived = new ConcurrentHashMap<>();

    private volatile Map<String, String> expectedEntries;

    FolderUpload(StoragePath directory, FileHeader header, Bucket bucket, Transfers transfers, TarballLimits limits,
            CapacityPolicy capacity) {
        this.directory = directory;
        this.header = header;
        this.bucket = bucket;
        this.transfers = transfers;
        this.capacity = capacity;
        this.stagingKey = bucket.stagingKey(UUID.randomUUID().toString());
        this.sink = new StagedFolderSink(bucket, stagingKey, transfers);
        TarballExtractor extractor = new TarballExtractor(limits);
        // the sender's per-file digests come after the content, once unpacking is under way: each
        // file is hashed as it is unpacked, in case they come
        ExtractionSink unpackInto = capacity.guard(directory, header.directoryName(),
                EntryDigests.recording(sink, arrived));
        this.extraction = CompletableFuture.supplyAsync(() -> extract(extractor, unpackInto), transfers.executor());
    }

    private List<String> extract(TarballExtractor extractor, ExtractionSink into) {
        try (InputStream tarball = handoff.input()) {
            return extractor.extract(tarball, into);
        }
        catch (IOException e) {
            sink.abort();
            throw new CompletionException(e);
        }
        catch (RuntimeException e) {
            sink.abort();
            throw e;
        }
    }

    /**
     * Hands the bytes to the extraction. Once the store has failed it, the client is told at once
     * rather than after sending the rest; a refused archive is still read to its end and reported
     * at commit, as it is from disk, so that a v1 client stays in step.
     */
    @Override
    public void write(byte[] bytes, int offset, int length) {
        boolean extracting;
        try {
            extracting = handoff.write(bytes, offset, length);
        }
        catch (IOException e) {
            throw StoreProblems.failed(Operation.STORE, header.fileName(), e);
        }
        if (!extracting) {
            // the extraction stopped reading: it has ended, or is about to
            Throwable failure = extraction.handle((names, thrown) -> thrown).join();
            if (failure != null && failure.getCause() instanceof SdkException store) {
                throw failed(store);
            }
        }
    }

    @Override
    public void expectEntries(Map<String, String> sha256ByName) {
        this.expectedEntries = Map.copyOf(sha256ByName);
    }

    @Override
    public StoragePath commit(BooleanSupplier abandoned) {
        handoff.finishWriting();
        List<String> names = extracted();
        // v1: the single top-level entry is the folder's own name; nothing else may ride along
        if (!names.equals(List.of(header.directoryName()))) {
            throw new ArchiveTopLevelException(header.directoryName(), names);
        }
        StoragePath folder = directory.child(names.get(0));
        List<StagedFolderSink.Staged> staged = sink.staged();
        if (expectedEntries != null) {
            EntryDigests.firstMismatch(expectedEntries, arrived).ifPresent(mismatch -> {
                deleteStaging(staged.stream().map(object -> stagingKey + object.name()).toList());
                throw new DigestMismatchException(header.directoryName(), mismatch.name(), mismatch.announced(),
                        mismatch.arrived());
            });
        }
        try {
            new FolderPublisher(bucket, transfers).publish(stagingKey, staged, directory, folder);
        }
        catch (IOException | SdkException e) {
            throw failed(e);
        }
        finished = true;
        deleteStaging(staged.stream().map(object -> stagingKey + object.name()).toList());
        return folder;
    }

    /** The extraction's top-level names, or what it failed with, as the storage exception it amounts to. */
    private List<String> extracted() {
        try {
            return extraction.join();
        }
        catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof UnsafeArchiveException unsafe) {
                throw new ArchiveRefusedException(unsafe);
            }
            if (cause instanceof StorageException storage) {
                throw storage;
            }
            throw failed(cause);
        }
    }

    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        handoff.failWriting();
        extraction.whenComplete((names, failure) -> sink.afterAll(() -> deleteStaging(null)));
    }

    /** Deletes {@code keys}, or when null whatever is below the staging key: the store is asked then. */
    private void deleteStaging(List<String> keys) {
        try {
            bucket.deleteAll(keys != null ? keys : bucket.keysUnder(stagingKey));
        }
        catch (RuntimeException e) {
            log.warn("Could not delete the staging of folder upload '{}' (the bucket's lifecycle rule will): {}",
                    header.directoryName(), StoreProblems.reason(e));
        }
    }

    private StorageFailureException failed(Throwable e) {
        return new StorageFailureException(Operation.STORE, header.fileName(), StoreProblems.reason(e), e);
    }
}
