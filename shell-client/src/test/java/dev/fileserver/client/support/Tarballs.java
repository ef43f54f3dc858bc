package dev.fileserver.client.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Gzip tarballs built entry by entry, hostile ones included. */
public final class Tarballs {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private final TarArchiveOutputStream tar;

    private Tarballs() throws IOException {
        this.tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    public static Tarballs create() throws IOException {
        return new Tarballs();
    }

    public Tarballs folder(String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
        entry.setMode(040755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
        return this;
    }

    public Tarballs file(String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(0100644);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
        return this;
    }

    public Tarballs symlink(String name, String target) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
        return this;
    }

    public byte[] bytes() throws IOException {
        tar.close();
        return bytes.toByteArray();
    }
}
