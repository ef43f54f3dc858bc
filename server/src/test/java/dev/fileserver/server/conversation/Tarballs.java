package dev.fileserver.server.conversation;

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

/** Small gzip tarballs built and read in memory, for tests only. */
final class Tarballs {

    private Tarballs() {
    }

    static List<String> entryNames(byte[] gzippedTar) throws IOException {
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

    /** A tarball with the given entries; a link entry is {@code name -> target}. */
    static byte[] of(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry entry : entries) {
                TarArchiveEntry tarEntry;
                if (entry.linkTarget != null) {
                    tarEntry = new TarArchiveEntry(entry.name, entry.linkFlag);
                    tarEntry.setLinkName(entry.linkTarget);
                }
                else {
                    tarEntry = new TarArchiveEntry(entry.name, true);
                    tarEntry.setSize(entry.content.length);
                    tarEntry.setMode(entry.mode);
                }
                tar.putArchiveEntry(tarEntry);
                if (entry.linkTarget == null) {
                    tar.write(entry.content);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    record Entry(String name, byte[] content, int mode, String linkTarget, byte linkFlag) {

        static Entry file(String name, String content) {
            return new Entry(name, content.getBytes(), 0100644, null, (byte) 0);
        }

        static Entry file(String name, byte[] content, int mode) {
            return new Entry(name, content, mode, null, (byte) 0);
        }

        static Entry folder(String name) {
            return new Entry(name.endsWith("/") ? name : name + "/", new byte[0], 040755, null, (byte) 0);
        }

        static Entry symlink(String name, String target) {
            return new Entry(name, null, 0120777, target, TarArchiveEntry.LF_SYMLINK);
        }

        static Entry hardLink(String name, String target) {
            return new Entry(name, null, 0100644, target, TarArchiveEntry.LF_LINK);
        }
    }
}
