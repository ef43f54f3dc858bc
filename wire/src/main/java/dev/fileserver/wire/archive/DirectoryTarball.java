package dev.fileserver.wire.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import dev.fileserver.wire.Transfer;

/**
 * A directory as the v1 wire carries it: a tar whose single top-level entry is the directory's
 * base name, wrapped in stored gzip blocks. The tree comes from a {@link TarballSource}, listed
 * first, so {@link #length()} is exact before the first byte is written; a file whose size changes
 * before it is sent fails the transfer with {@link ArchiveChangedException}. A local folder's
 * symbolic links are not followed and not sent.
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
     * Packs the tree of {@code source} under the single top-level name {@code topName}. The source
     * is listed here, once; its files are read by each write.
     */
    public static DirectoryTarball of(String topName, TarballSource source) throws IOException {
        if (topName.isEmpty() || topName.indexOf('/') >= 0) {
            throw new IllegalArgumentException("a tarball's top-level name is one non-empty name");
        }
        List<? extends TarballSource.Entry> entries = source.entries();
        if (entries.isEmpty() || !entries.get(0).folder() || !entries.get(0).name().isEmpty()) {
            throw new IllegalArgumentException("a tarball source lists its root folder first");
        }
        List<Item> items = new ArrayList<>(entries.size());
        for (TarballSource.Entry entry : entries) {
            if (entry.size() < 0) {
                throw new IllegalArgumentException("'" + entry.name() + "' has a negative size");
            }
            items.add(new Item(archiveName(topName, entry), entry));
        }
        return new DirectoryTarball(items, tarLength(items));
    }

    /**
     * Scans the local folder {@code directory}; {@code include} may leave out paths (the server's
     * own temporary files) together with everything below them.
     */
    public static DirectoryTarball scan(Path directory, Predicate<Path> include) throws IOException {
        return of(LocalTreeSource.topName(directory), new LocalTreeSource(directory, include));
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
        byte[] buffer = new byte[Transfer.BUFFER_SIZE];
        for (Item item : items) {
            item.putEntry(tar, item.size());
            if (!item.source.folder()) {
                copyExactly(item, tar, buffer);
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
    }

    private static void copyExactly(Item item, OutputStream tar, byte[] buffer) throws IOException {
        try (InputStream in = item.source.open()) {
            long remaining = item.size();
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
                item.putEntry(tar, 0);
                tar.closeArchiveEntry();
                content += (item.size() + RECORD - 1) / RECORD * RECORD;
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

    private static String archiveName(String top, TarballSource.Entry entry) {
        if (entry.name().isEmpty()) {
            return top + "/";
        }
        return entry.folder() ? top + "/" + entry.name() + "/" : top + "/" + entry.name();
    }

    /** A source entry under its name in the archive. */
    private record Item(String name, TarballSource.Entry source) {

        long size() {
            return source.folder() ? 0 : source.size();
        }

        /**
         * Opens the item's entry in {@code tar}. A name too long for the tar header goes first in a
         * PAX header of our own, and the entry itself gets a short ASCII stand-in: given the long
         * name, commons-compress would cut it down for the header one character at a time,
         * encoding it again at each, which costs the square of the name's length.
         */
        void putEntry(TarArchiveOutputStream tar, long entrySize) throws IOException {
            if (name.getBytes(StandardCharsets.UTF_8).length < TarConstants.NAMELEN) {
                // fits the header: commons-compress adds a PAX header for a non-ASCII one itself
                tar.putArchiveEntry(entry(name, entrySize));
                return;
            }
            byte[] record = paxRecord("path", name);
            TarArchiveEntry pax = new TarArchiveEntry("PaxHeaders/" + standIn(40, false),
                    TarConstants.LF_PAX_EXTENDED_HEADER_LC);
            pax.setSize(record.length);
            pax.setModTime(source.modified());
            tar.putArchiveEntry(pax);
            tar.write(record);
            tar.closeArchiveEntry();
            // ASCII, or commons-compress would add a PAX header of its own for the stand-in
            tar.putArchiveEntry(entry(standIn(TarConstants.NAMELEN - 2, source.folder()), entrySize));
        }

        /** The name's start in at most {@code length} ASCII characters, then a {@code /} if asked. */
        private String standIn(int length, boolean slash) {
            StringBuilder standIn = new StringBuilder(length + 1);
            for (int i = 0; i < name.length() && standIn.length() < length; i++) {
                char c = name.charAt(i);
                standIn.append(c > 0x20 && c < 0x7f && c != '/' ? c : '_');
            }
            return slash ? standIn.append('/').toString() : standIn.toString();
        }

        TarArchiveEntry entry(String entryName, long entrySize) {
            boolean directory = source.folder();
            TarArchiveEntry entry = new TarArchiveEntry(entryName);
            entry.setMode((directory ? TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 : TarArchiveEntry.DEFAULT_FILE_MODE & ~0777)
                    | (source.mode() & 0777));
            entry.setSize(directory ? 0 : entrySize);
            entry.setModTime(source.modified());
            return entry;
        }
    }

    /** One PAX record, {@code "LENGTH KEY=VALUE\n"}, its length in bytes counting its own digits. */
    static byte[] paxRecord(String key, String value) {
        int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int length = body + Integer.toString(body).length();
        if (Integer.toString(length).length() > Integer.toString(body).length()) {
            length++;
        }
        return (length + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
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
