package dev.fileserver.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.archive.PosixModes;
import dev.fileserver.wire.archive.TarballExtractor;
import dev.fileserver.wire.archive.TarballLimits;
import dev.fileserver.wire.archive.UnsafeArchiveException;
import dev.fileserver.wire.files.RecursiveDelete;

/**
 * One incoming file frame: its content goes to a hidden temporary file in the target folder, and
 * only {@link #commit()} makes it visible, by an atomic rename over the final name. Until then the
 * final name keeps its previous content; {@link #abort()} leaves no trace.
 */
public final class Upload {

    private final Path directory;

    private final FileHeader header;

    private final Path temporary;

    private final FileChannel channel;

    private final OutputStream out;

    private final UploadPolicy policy;

    private boolean finished;

    Upload(Path directory, FileHeader header, UploadPolicy policy) throws IOException {
        this.directory = directory;
        this.header = header;
        this.policy = policy;
        this.temporary = directory.resolve(temporaryName(".part"));
        this.channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.out = Channels.newOutputStream(channel);
    }

    /** Where the frame's content is written; it is closed by {@link #commit()} or {@link #abort()}. */
    public OutputStream content() {
        return out;
    }

    /** Publishes the received content under its final name; returns that path. */
    public Path commit() throws IOException {
        finished = true;
        try {
            if (policy.syncToDisk() && !header.compressed()) {
                // on disk before it takes the name: after a power cut the name holds the old content or the new
                channel.force(true);
            }
            out.close();
            return header.compressed() ? placeDirectory() : placeFile();
        }
        finally {
            RecursiveDelete.deleteQuietly(temporary);
        }
    }

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

    private Path placeFile() throws IOException {
        Path target = directory.resolve(header.fileName());
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new UploadRefusedException("Error: '" + header.fileName() + "' is a directory on the server");
        }
        PosixModes.apply(temporary, header.accessBits());
        moveAtomically(temporary, target);
        if (policy.syncToDisk()) {
            syncFolder(directory);
        }
        return target;
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

    private Path placeDirectory() throws IOException {
        Path staging = directory.resolve(temporaryName(".d"));
        Files.createDirectory(staging);
        try {
            List<String> names;
            try (InputStream tarball = Files.newInputStream(temporary)) {
                names = extractorWithinFreeSpace().extract(tarball, staging);
            }
            catch (UnsafeArchiveException e) {
                throw new UploadRefusedException(e.getMessage(), e);
            }
            refuseReservedNames(staging);
            // v1: the single top-level entry is the folder's own name; nothing else may ride along
            if (!names.equals(List.of(header.directoryName()))) {
                throw new UploadRefusedException("Error: the archive for '" + header.directoryName()
                        + "' holds " + (names.isEmpty() ? "nothing" : names) + " at its top level");
            }
            for (String name : names) {
                replace(staging.resolve(name), directory.resolve(name));
            }
            return directory.resolve(names.get(0));
        }
        finally {
            RecursiveDelete.deleteQuietly(staging);
        }
    }

    /** Names the server keeps for its own temporaries would be invisible, undeletable, and swept away. */
    private static void refuseReservedNames(Path staging) throws IOException {
        try (Stream<Path> paths = Files.walk(staging)) {
            Optional<Path> reserved = paths.skip(1)
                    .filter(path -> path.getFileName().toString().startsWith(StorageRoot.TEMPORARY_PREFIX))
                    .findFirst();
            if (reserved.isPresent()) {
                throw new UploadRefusedException("Error: the archive holds '" + staging.relativize(reserved.get())
                        + "', a name the server reserves");
            }
        }
    }

    /** A folder may expand only as far as its limit and the disk's free space above the reserve allow. */
    private TarballExtractor extractorWithinFreeSpace() throws IOException {
        long room = Files.getFileStore(directory).getUsableSpace() - policy.freeSpaceReserveBytes();
        long budget = Math.max(0, Math.min(policy.tarball().maxExpandedBytes(), room));
        return new TarballExtractor(new TarballLimits(budget, policy.tarball().maxEntries()));
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
        return StorageRoot.TEMPORARY_PREFIX + UUID.randomUUID() + suffix;
    }
}
