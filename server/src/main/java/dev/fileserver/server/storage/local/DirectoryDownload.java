package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import dev.fileserver.server.storage.Download;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.archive.DirectoryTarball;
import dev.fileserver.wire.archive.PosixModes;

/** A folder as stored gzip blocks: its exact length is known from the scan, so nothing is spooled. */
record DirectoryDownload(FileHeader header, DirectoryTarball tarball) implements Download {

    static DirectoryDownload scan(Path directory, String name, StorageRoot root) throws IOException {
        DirectoryTarball tarball = DirectoryTarball.scan(directory, root::belongsInDownload);
        return new DirectoryDownload(FileHeader.ofDirectory(name, PosixModes.read(directory, 0755), tarball.length()),
                tarball);
    }

    @Override
    public void writeContent(OutputStream out) throws IOException {
        tarball.writeTo(out);
    }
}
