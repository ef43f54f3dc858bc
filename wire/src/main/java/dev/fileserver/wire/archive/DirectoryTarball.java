package dev.fileserver.wire.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import dev.fileserver.wire.Transfer;

/**
 * A directory as the v1 wire carries it: a tar whose single top-level entry is the directory's
 * base name, wrapped in stored gzip blocks. The tree is scanned first, so {@link #length()} is
 * exact before the first byte is written; a file whose size changes before it is sent fails the
 * transfer with {@link ArchiveChangedException}. Symbolic links are not followed and not sent.
 */
public final class DirectoryTarball {

    private static final int RECORD = 512;

    private final List<Item> items;

    private final long length;

    private DirectoryTarball(List<Item> items, long tarLength) {
        this.items = items;
        this.length = StoredGzipOutputStream.lengthFor(tarLength);
    }

    /**
     * Scans {@code directory}; {@code include} may leave out paths (the server's own temporary
     * files) together with everything below them.
     */
    public static DirectoryTarball scan(Path directory, Predicate<Path> include) throws IOException {
        String top = directory.getFileName() == null ? "root" : directory.getFileName().toString();
        // a folder reached through a link is archived under the link's name, its content walked for real
        Path folder = directory.toRealPath();
        List<Item> items = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(folder) && !include.test(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                items.add(new Item(entryName(top, folder, dir) + "/", dir, true, 0, PosixModes.read(dir, 0755),
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
                    items.add(new Item(entryName(top, folder, file), file, false, attributes.size(),
                            PosixModes.read(file, 0644), attributes.lastModifiedTime()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new DirectoryTarball(items, tarLength(items));
    }

    /** The exact number of bytes {@link #writeTo(OutputStream)} writes. */
    public long length() {
        return length;
    }

    public int entryCount() {
        return items.size();
    }

    /** Writes the archive in stored gzip blocks, exactly {@link #length()} bytes; {@code out} is left open. */
    public void writeTo(OutputStream out) throws IOException {
        StoredGzipOutputStream gzip = new StoredGzipOutputStream(out);
        writeTar(gzip);
        gzip.finish();
        gzip.flush();
    }

    /**
     * Writes the archive compressed at {@code level} (1 to 9); its length is known only afterwards,
     * so a caller that must announce it first spools this somewhere. {@code out} is left open.
     */
    public void writeCompressedTo(OutputStream out, int level) throws IOException {
        GzipParameters parameters = new GzipParameters();
        parameters.setCompressionLevel(level);
        GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out, parameters);
        writeTar(gzip);
        gzip.finish();
        gzip.flush();
    }

    private void writeTar(OutputStream gzip) throws IOException {
        TarArchiveOutputStream tar = newTarStream(gzip);
        for (Item item : items) {
            tar.putArchiveEntry(item.entry(item.size));
            if (!item.directory) {
                copyExactly(item, tar);
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
    }

    private static void copyExactly(Item item, OutputStream tar) throws IOException {
        try (InputStream in = Files.newInputStream(item.path, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[Transfer.BUFFER_SIZE];
            long remaining = item.size;
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new ArchiveChangedException(item.name);
                }
                tar.write(buffer, 0, read);
                remaining -= read;
            }
            if (in.read() >= 0) {
                throw new ArchiveChangedException(item.name);
            }
        }
    }

    /** Headers and end-of-archive records do not depend on file sizes, so one dry run of them suffices. */
    private static long tarLength(List<Item> items) throws IOException {
        CountingOutputStream counter = new CountingOutputStream();
        try (TarArchiveOutputStream tar = newTarStream(counter)) {
            long content = 0;
            for (Item item : items) {
                tar.putArchiveEntry(item.entry(0));
                tar.closeArchiveEntry();
                content += (item.size + RECORD - 1) / RECORD * RECORD;
            }
            tar.finish();
            return counter.count() + content;
        }
    }

    private static TarArchiveOutputStream newTarStream(OutputStream out) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, RECORD);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        // STAR keeps a size beyond 8 GiB inside the fixed header, so header lengths stay size-independent
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        return tar;
    }

    private static String entryName(String top, Path root, Path path) {
        Path relative = root.relativize(path);
        if (relative.toString().isEmpty()) {
            return top;
        }
        StringBuilder name = new StringBuilder(top);
        for (Path part : relative) {
            name.append('/').append(part);
        }
        return name.toString();
    }

    private record Item(String name, Path path, boolean directory, long size, int mode, FileTime modified) {

        TarArchiveEntry entry(long entrySize) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setMode((directory ? TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 : TarArchiveEntry.DEFAULT_FILE_MODE & ~0777)
                    | mode);
            entry.setSize(directory ? 0 : entrySize);
            entry.setModTime(modified);
            return entry;
        }
    }

    private static final class CountingOutputStream extends OutputStream {

        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }

        long count() {
            return count;
        }
    }
}
