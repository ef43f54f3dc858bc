package dev.fileserver.wire.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A folder on a local file system. Symbolic links inside it are neither followed nor listed; a
 * path deleted by someone else during the scan is simply left out.
 */
public final class LocalTreeSource implements TarballSource {

    private final Path directory;

    private final Predicate<Path> include;

    /** {@code include} may leave out paths together with everything below them; it is not asked about the folder itself. */
    public LocalTreeSource(Path directory, Predicate<Path> include) {
        this.directory = directory;
        this.include = include;
    }

    /** The folder's own name, kept when it is reached through a link. */
    public static String topName(Path directory) {
        return directory.getFileName() == null ? "root" : directory.getFileName().toString();
    }

    @Override
    public List<Entry> entries() throws IOException {
        // a folder reached through a link is walked for real
        Path folder = directory.toRealPath();
        List<Entry> entries = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(folder) && !include.test(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                entries.add(new LocalEntry(relativeName(folder, dir), dir, true, 0, PosixModes.read(dir, 0755),
                        attributes.lastModifiedTime()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                // deleted by someone else while we looked: it is simply not part of the archive
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile() && include.test(file)) {
                    entries.add(new LocalEntry(relativeName(folder, file), file, false, attributes.size(),
                            PosixModes.read(file, 0644), attributes.lastModifiedTime()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return entries;
    }

    private static String relativeName(Path root, Path path) {
        if (path.equals(root)) {
            return "";
        }
        // joined by hand: the platform's separator may not be '/'
        StringBuilder name = new StringBuilder();
        for (Path part : root.relativize(path)) {
            if (name.length() > 0) {
                name.append('/');
            }
            name.append(part);
        }
        return name.toString();
    }

    /** Keeps the scanned path, so a name the platform cannot spell back still opens the same file. */
    private record LocalEntry(String name, Path path, boolean folder, long size, int mode, FileTime modified)
            implements Entry {

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
        }
    }
}
