package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.fileserver.server.storage.Download;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.Transfer;
import dev.fileserver.wire.archive.DirectoryTarball;
import dev.fileserver.wire.archive.PosixModes;

/** A compressed folder: its length is known only once compressed, so it is spooled first. */
record SpooledDirectoryDownload(FileHeader header, Path spool) implements Download {

    static SpooledDirectoryDownload compress(Path directory, String name, StorageRoot root, int level)
            throws IOException {
        DirectoryTarball tarball = DirectoryTarball.scan(directory, root::belongsInDownload);
        // outside the served tree: a download writes nothing there, not even a temporary
        Path spool = Files.createTempFile("fileserver-download-", ".tar.gz");
        try {
            try (OutputStream out = Files.newOutputStream(spool)) {
                tarball.writeCompressedTo(out, level);
            }
            return new SpooledDirectoryDownload(FileHeader.ofDirectory(name, PosixModes.read(directory, 0755),
                    Files.size(spool)), spool);
        }
        catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
    }

    @Override
    public void writeContent(OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(spool)) {
            Transfer.copy(in, out);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(spool);
    }
}
