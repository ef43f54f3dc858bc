package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.fileserver.server.storage.Download;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.archive.DirectoryTarball;
import dev.fileserver.wire.archive.LocalTreeSource;
import dev.fileserver.wire.archive.PosixModes;
import dev.fileserver.wire.digest.EntryDigests;

/**
 * A folder as stored gzip blocks: its exact length is known from the scan, so nothing is spooled.
 * Its files are hashed as they are packed only when asked for ({@link #recordEntryDigests()}).
 */
record DirectoryDownload(FileHeader header, DirectoryTarball tarball, AtomicReference<Map<String, String>> digests)
        implements Download {

    static DirectoryDownload scan(Path directory, String name, StorageRoot root) throws IOException {
        AtomicReference<Map<String, String>> digests = new AtomicReference<>();
        LocalTreeSource tree = new LocalTreeSource(directory, root::belongsInDownload);
        DirectoryTarball tarball = DirectoryTarball.of(LocalTreeSource.topName(directory),
                EntryDigests.recordingWhenAsked(tree, digests::get));
        return new DirectoryDownload(FileHeader.ofDirectory(name, PosixModes.read(directory, 0755), tarball.length()),
                tarball, digests);
    }

    @Override
    public Map<String, String> recordEntryDigests() {
        digests.compareAndSet(null, new ConcurrentHashMap<>());
        return digests.get();
    }

    @Override
    public void writeContent(OutputStream out) throws IOException {
        tarball.writeTo(out);
    }
}
