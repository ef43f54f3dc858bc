package dev.fileserver.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Gzip tarballs made entry by entry, hostile ones included, and read back by name. */
public final class Tarballs {

    private Tarballs() {
    }

    /** A gzip tarball of exactly these entries, in this order, names and link targets as they are. */
    public static byte[] of(TarEntry... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarEntry entry : entries) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.name(), entry.type(), true);
                tarEntry.setMode(entry.mode());
                if (entry.linkTarget() != null) {
                    tarEntry.setLinkName(entry.linkTarget());
                }
                else {
                    tarEntry.setSize(entry.content().length);
                }
                tar.putArchiveEntry(tarEntry);
                tar.write(entry.content());
                tar.closeArchiveEntry();
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("an in-memory tarball could not be written", e);
        }
        return bytes.toByteArray();
    }

    public static byte[] of(List<TarEntry> entries) {
        return of(entries.toArray(TarEntry[]::new));
    }

    /** The entry names of a gzip tarball, in order. */
    /**
     * A gzip tarball of the folder {@code folder} holding one file of {@code size} zero bytes: a few
     * hundred KiB that expand to {@code size}. The zeros are streamed, never held.
     */
    public static byte[] zeros(String folder, long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar =
                new TarArchiveOutputStream(
                        new GzipCompressorOutputStream(bytes))) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.putArchiveEntry(new TarArchiveEntry(folder + "/"));
            tar.closeArchiveEntry();
            TarArchiveEntry zeros =
                    new TarArchiveEntry(folder + "/zeros");
            zeros.setSize(size);
            tar.putArchiveEntry(zeros);
            byte[] chunk = new byte[64 * 1024];
            for (long left = size; left > 0; left -= chunk.length) {
                tar.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    public static List<String> entryNames(byte[] gzippedTar) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(gzippedTar)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
