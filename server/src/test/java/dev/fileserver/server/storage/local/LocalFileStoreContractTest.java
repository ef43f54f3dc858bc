package dev.fileserver.server.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.FileStoreContractTest;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.wire.archive.TarballLimits;

/** The local backend against the storage contract, plus what only a disk can show. */
class LocalFileStoreContractTest extends FileStoreContractTest {

    @TempDir
    Path temp;

    private Path root;

    @Override
    protected FileStore newStore(long maxUploadBytes, long capacityBytes) throws IOException {
        root = Files.createDirectories(temp.resolve("root"));
        // a capacity is modelled as the reserve that leaves exactly that much of the disk usable
        FreeSpaceReserve disk = new FreeSpaceReserve(root, 0);
        long reserve = Math.max(0, disk.usableBytes() - capacityBytes);
        return new LocalFileStore(StorageRoot.open(root),
                new UploadPolicy(maxUploadBytes, new TarballLimits(1 << 24, 1000), false),
                new FreeSpaceReserve(root, reserve), 0);
    }

    @Override
    protected void linkOutside(String name) throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve(name), outside);
    }

    @Test
    void aCommittedOrAbortedUploadLeavesNoTemporaryOnDisk() throws IOException {
        FileStore store = newStore(1 << 20, Long.MAX_VALUE / 2);
        put(store, StoragePath.ROOT, "kept.txt", "kept");
        var aborted = store.beginUpload(StoragePath.ROOT, dev.fileserver.wire.FileHeader.ofFile("gone.txt", 0644, 1));
        aborted.write(new byte[] {'x'}, 0, 1);
        aborted.abort();

        try (var names = Files.list(root)) {
            assertThat(names.map(path -> path.getFileName().toString())).containsExactly("kept.txt");
        }
    }

    @Test
    void aTreeWithAFolderItCannotReadIsReportedNotSilentlyEmptied() throws IOException {
        FileStore store = newStore(1 << 20, Long.MAX_VALUE / 2);
        Path locked = Files.createDirectories(root.resolve("locked"));
        Files.writeString(locked.resolve("hidden.txt"), "hidden");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked),
                    "permissions do not bind this user (root)");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.list(StoragePath.parse("locked")))
                    .isInstanceOf(dev.fileserver.server.storage.StorageFailureException.class);
        }
        finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
