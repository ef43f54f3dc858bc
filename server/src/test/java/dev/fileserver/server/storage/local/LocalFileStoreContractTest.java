package dev.fileserver.server.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.FileStoreContractTest;
import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.StorageFailureException;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.Upload;
import dev.fileserver.wire.FileHeader;
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
        long usable = Files.getFileStore(root).getUsableSpace();
        return LocalFileStore.open(root, new UploadPolicy(maxUploadBytes, new TarballLimits(1 << 24, 1000), false),
                Math.max(0, usable - capacityBytes), 0);
    }

    @Override
    protected void linkOutside(String name) throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve(name), outside);
    }

    @Override
    protected List<String> namesStoredInTheRoot() throws IOException {
        try (Stream<Path> names = Files.list(root)) {
            return names.map(path -> path.getFileName().toString()).toList();
        }
    }

    @Test
    void anUploadInProgressIsATemporaryOnDiskAndAbortRemovesIt() throws IOException {
        FileStore store = newStore(1 << 20, Long.MAX_VALUE / 2);
        put(store, StoragePath.ROOT, "kept.txt", "kept");
        Upload aborted = store.beginUpload(StoragePath.ROOT, FileHeader.ofFile("gone.txt", 0644, 1));
        write(aborted, "x");
        assertThat(namesStoredInTheRoot()).anyMatch(Names::isTemporary);
        aborted.abort();

        assertThat(namesStoredInTheRoot()).containsExactly("kept.txt");
    }

    @Test
    void aFolderItCannotReadIsAFailureNotAnEmptyListing() throws IOException {
        FileStore store = newStore(1 << 20, Long.MAX_VALUE / 2);
        Path locked = Files.createDirectories(root.resolve("locked"));
        Files.writeString(locked.resolve("hidden.txt"), "hidden");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(locked), "permissions do not bind this user (root)");
            assertThatThrownBy(() -> store.list(StoragePath.parse("locked")))
                    .isInstanceOfSatisfying(StorageFailureException.class,
                            e -> assertThat(e.reason()).isEqualTo("permission denied"));
        }
        finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
