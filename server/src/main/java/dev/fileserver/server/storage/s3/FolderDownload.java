package dev.fileserver.server.storage.s3;

import java.io.IOException;
import java.io.OutputStream;

import dev.fileserver.server.storage.Download;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.archive.DirectoryTarball;

/**
 * A folder as stored gzip blocks, the same exact-length tarball a folder on disk makes: its length is
 * fixed by the listing, and each object is then streamed from the store at the ETag it was listed with.
 */
record FolderDownload(FileHeader header, DirectoryTarball tarball) implements Download {

    static FolderDownload list(String name, PrefixTreeSource source) throws IOException {
        DirectoryTarball tarball = DirectoryTarball.of(name, source);
        return new FolderDownload(FileHeader.ofDirectory(name, source.rootMode(), tarball.length()), tarball);
    }

    @Override
    public void writeContent(OutputStream out) throws IOException {
        tarball.writeTo(out);
    }
}
