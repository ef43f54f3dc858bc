package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.fileserver.server.storage.ArchiveRefusedException;
import dev.fileserver.server.storage.ArchiveTopLevelException;
import dev.fileserver.server.storage.CapacityPolicy;
import dev.fileserver.server.storage.ExpansionRatioException;
import dev.fileserver.server.storage.DigestMismatchException;
import dev.fileserver.server.storage.IsADirectoryException;
import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.PartKey;
import dev.fileserver.server.storage.ReservedNameException;
import dev.fileserver.server.storage.StorageFailureException.Operation;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.Upload;
import dev.fileserver.server.storage.UploadAbandonedException;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.SlicedOutputStream;
import dev.fileserver.wire.archive.ExpansionLimitException;
import dev.fileserver.wire.archive.ExtractionStoppedException;
import dev.fileserver.wire.archive.ExtractionSink;
import dev.fileserver.wire.archive.LocalFolderSink;
import dev.fileserver.wire.archive.PosixModes;
import dev.fileserver.wire.archive.TarballExtractor;
import dev.fileserver.wire.archive.TarballLimits;
import dev.fileserver.wire.archive.UnsafeArchiveException;
import dev.fileserver.wire.digest.EntryDigests;
import dev.fileserver.wire.files.RecursiveDelete;

/**
 * One incoming file frame: its content goes to a hidden temporary file in the target folder, and
 * only {@link #commit()} makes it visible, by an atomic rename over the final name. Until then the
 * final name keeps its previous content; {@link #abort()} leaves no trace, and {@link #suspend()}
 * of a resumable upload hands the temporary over to the {@link KeptParts}.
 */
final class LocalUpload implements Upload {

    private final StoragePath target;

    private final Path directory;

    private final FileHeader header;

    private final Path temporary;

    private final FileChannel channel;

    private final OutputStream out;

    private final UploadPolicy policy;

    private final CapacityPolicy capacity;

    private final KeptParts parts;

    private final PartKey key;

    private String sha256;

    private Map<String, String> expectedEntries;

    private boolean finished;

    LocalUpload(StoragePath target, Path directory, FileHeader header, UploadPolicy policy, CapacityPolicy capacity)
            throws IOException {
        this(target, directory, header, policy, capacity, null, null, null);
    }

    /**
     * @param continued a temporary already holding the bytes before the header's offset (a claimed
     *                  kept part), appended to; null to start a new one
     * @param parts     where a suspended resumable upload is kept, under {@code key}; null for none
     */
    LocalUpload(StoragePath target, Path directory, FileHeader header, UploadPolicy policy, CapacityPolicy capacity,
            Path continued, KeptParts parts, PartKey key) throws IOException {
        this.target = target;
        this.directory = directory;
        this.header = header;
        this.policy = policy;
        this.capacity = capacity;
        this.parts = parts;
        this.key = key;
        this.temporary = continued != null ? continued : directory.resolve(temporaryName(".part"));
        this.channel = continued != null
                ? FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                : FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.out = new SlicedOutputStream(Channels.newOutputStream(channel));
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        try {
            out.write(bytes, offset, length);
        }
        catch (IOException e) {
            throw DiskProblems.failed(Operation.STORE, header.fileName(), e);
        }
    }

    @Override
    public void write(ByteBuffer bytes) {
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        catch (IOException e) {
            throw DiskProblems.failed(Operation.STORE, header.fileName(), e);
        }
    }

    @Override
    public boolean writesBuffers() {
        return true;
    }

    @Override
    public StoragePath commit(BooleanSupplier abandoned) {
        finished = true;
        try {
            try {
                if (policy.syncToDisk() && !header.compressed()) {
                    // on disk before it takes the name: after a power cut the name holds the old content or the new
                    channel.force(true);
                }
            }
            finally {
                out.close();
            }
            if (sha256 != null && !header.compressed()) {
                KeptDigest.keep(temporary, sha256);
            }
            return header.compressed() ? placeDirectory(abandoned) : placeFile();
        }
        catch (IOException e) {
            throw DiskProblems.failed(Operation.STORE, header.fileName(), e);
        }
        finally {
            RecursiveDelete.deleteQuietly(temporary);
        }
    }

    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            out.close();
        }
        catch (IOException ignored) {
            // the file is deleted next either way
        }
        RecursiveDelete.deleteQuietly(temporary);
    }

    @Override
    public void suspend() {
        if (finished || parts == null || !header.extensions().resumable() || header.compressed()) {
            abort();
            return;
        }
        finished = true;
        try {
            out.close();
            parts.keep(temporary, key);
        }
        catch (IOException e) {
            RecursiveDelete.deleteQuietly(temporary);
        }
    }

    @Override
    public void verified(String sha256) {
        this.sha256 = sha256;
    }

    @Override
    public void expectEntries(Map<String, String> sha256ByName) {
        this.expectedEntries = Map.copyOf(sha256ByName);
    }

    private StoragePath placeFile() throws IOException {
        Path file = directory.resolve(header.fileName());
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IsADirectoryException(header.fileName());
        }
        PosixModes.apply(temporary, header.accessBits());
        moveAtomically(temporary, file);
        if (policy.syncToDisk()) {
            syncFolder(directory);
        }
        return target.child(header.fileName());
    }

    /** Makes a rename in {@code folder} durable; a file system that cannot sync a folder is left as it is. */
    private static void syncFolder(Path folder) {
        try (FileChannel entries = FileChannel.open(folder, StandardOpenOption.READ)) {
            entries.force(true);
        }
        catch (IOException ignored) {
            // not every file system lets a folder be opened for syncing; the rename itself is done
        }
    }

    private StoragePath placeDirectory(BooleanSupplier abandoned) throws IOException {
        Path staging = directory.resolve(temporaryName(".d"));
        Files.createDirectory(staging);
        try {
            Map<String, String> arrived = new HashMap<>();
            List<String> names = extract(staging, abandoned,
                    sink -> expectedEntries == null ? sink : EntryDigests.recording(sink, arrived));
            if (expectedEntries != null) {
                EntryDigests.firstMismatch(expectedEntries, arrived).ifPresent(mismatch -> {
                    throw new DigestMismatchException(header.directoryName(), mismatch.name(), mismatch.announced(),
                            mismatch.arrived());
                });
            }
            refuseReservedNames(staging);
            // v1: the single top-level entry is the folder's own name; nothing else may ride along
            if (!names.equals(List.of(header.directoryName()))) {
                throw new ArchiveTopLevelException(header.directoryName(), names);
            }
            for (String name : names) {
                replace(staging.resolve(name), directory.resolve(name));
            }
            return target.child(names.get(0));
        }
        finally {
            RecursiveDelete.deleteQuietly(staging);
        }
    }

    /** Names the server keeps for its own temporaries would be invisible, undeletable, and swept away. */
    private static void refuseReservedNames(Path staging) throws IOException {
        try (Stream<Path> paths = Files.walk(staging)) {
            Optional<Path> reserved = paths.skip(1)
                    .filter(path -> Names.isTemporary(path.getFileName().toString()))
                    .findFirst();
            if (reserved.isPresent()) {
                throw new ReservedNameException(staging.relativize(reserved.get()).toString());
            }
        }
    }

    /**
     * Unpacks the received tarball into {@code staging}. It may expand only as far as its limit, the
     * capacity left, the quotas and the ratio to the bytes sent allow; the work stops once the client
     * is gone.
     */
    private List<String> extract(Path staging, BooleanSupplier abandoned, UnaryOperator<ExtractionSink> around)
            throws IOException {
        long byRatio = policy.expansionAllowed(header.fileLen());
        long byLimitAndRoom = Math.min(policy.tarball().maxExpandedBytes(), capacity.availableBytes(target));
        TarballLimits limits = policy.tarball().withMaxExpandedBytes(Math.max(0, Math.min(byRatio, byLimitAndRoom)));
        try (InputStream tarball = Files.newInputStream(temporary); LocalFolderSink sink = new LocalFolderSink(staging)) {
            ExtractionSink guarded = capacity.guard(target, header.directoryName(), around.apply(sink));
            return new TarballExtractor(limits, abandoned).extract(tarball, guarded);
        }
        catch (ExtractionStoppedException e) {
            throw new UploadAbandonedException(header.directoryName(), e);
        }
        catch (ExpansionLimitException e) {
            if (byRatio <= byLimitAndRoom) {
                throw new ExpansionRatioException(header.directoryName(), header.fileLen(),
                        policy.maxExpansionRatio(), e);
            }
            throw new ArchiveRefusedException(e);
        }
        catch (UnsafeArchiveException e) {
            throw new ArchiveRefusedException(e);
        }
    }

    /**
     * Swaps a complete new tree in for whatever had the name, so readers see old or new, never half.
     * Two renames cannot be one atomic step, so the old tree's name is written down first: a crash
     * between them is undone at the next start ({@link PreviousVersion#restoreAll}).
     */
    private void replace(Path fresh, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            moveAtomically(fresh, target);
            return;
        }
        PreviousVersion previous = PreviousVersion.setAside(target);
        try {
            moveAtomically(fresh, target);
        }
        catch (IOException e) {
            previous.putBack();
            throw e;
        }
        previous.discard();
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the root's file system cannot rename atomically", e);
        }
    }

    static String temporaryName(String suffix) {
        return Names.TEMPORARY_PREFIX + UUID.randomUUID() + suffix;
    }
}
