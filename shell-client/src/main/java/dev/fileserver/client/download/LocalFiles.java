package dev.fileserver.client.download;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Putting a received file or folder in place in one rename, replacing what was there. */
final class LocalFiles {

    private LocalFiles() {
    }

    /**
     * Renames {@code source} to {@code target}. An existing target is renamed aside first and removed
     * only once the new one is in place, so at every moment the target name holds either the old
     * or the new content; a plain file replaces a plain file in the one rename.
     */
    static void moveIntoPlace(Path source, Path target) throws IOException {
        boolean replacesFolder = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
        boolean isFolder = Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS);
        if (!replacesFolder && !(isFolder && Files.exists(target, LinkOption.NOFOLLOW_LINKS))) {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path aside = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Path old = aside.resolve("old");
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        finally {
            deleteRecursively(aside);
        }
    }

    /** Deletes a file or a folder tree without following links; a missing path is not an error. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                // a folder unpacked read-only must still be emptied
                dir.toFile().setWritable(true, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteQuietly(Path path) {
        try {
            deleteRecursively(path);
        }
        catch (IOException ignored) {
            // best effort: a hidden leftover is better than hiding the failure that got us here
        }
    }
}
