package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.StorageFailureException.Operation;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.Usage;
import dev.fileserver.server.storage.UsageCounter;

/**
 * Counts a folder of the local root by walking it, links not followed: one {@code lstat} per
 * entry, about 2 s for 100,000 files in the page cache ({@code bench/run --only quota}), and
 * what the disk's seeks make it when they are not (a cold tree of millions takes minutes). Every entry that is not a
 * folder is a file; only regular files have bytes. Temporaries of uploads under way are left out
 * (their uploads hold reservations instead); the kept parts of interrupted uploads count at the root.
 */
public final class LocalUsageCounter implements UsageCounter {

    private final StorageRoot root;

    public LocalUsageCounter(StorageRoot root) {
        this.root = root;
    }

    @Override
    public Usage count(StoragePath path) {
        if (StorageRoot.isTemporary(path)) {
            return Usage.NONE;
        }
        // the name itself is not followed: a link out of the root is counted as the link it is
        Path start = path.isRoot() ? root.path() : root.resolve(path.parent()).resolve(path.name());
        long[] bytesAndFiles = new long[2];
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
                    boolean keptParts = path.isRoot() && KeptParts.isKeptPartsFolder(folder)
                            && folder.getParent().equals(start);
                    return folder.equals(start) || keptParts || !Names.isTemporary(name) ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    boolean keptPart = path.isRoot() && KeptParts.isKeptPartsFolder(file.getParent());
                    if (keptPart || !Names.isTemporary(file.getFileName().toString())) {
                        bytesAndFiles[0] += attributes.isRegularFile() ? attributes.size() : 0;
                        bytesAndFiles[1]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // gone since its folder was read: nothing to count
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (NoSuchFileException e) {
            return Usage.NONE;
        }
        catch (IOException e) {
            throw DiskProblems.failed(Operation.READ, path.toString(), e);
        }
        return new Usage(bytesAndFiles[0], bytesAndFiles[1]);
    }
}
