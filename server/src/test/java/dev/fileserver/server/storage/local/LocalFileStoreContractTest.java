package dev.fileserver.server.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.storage.Download;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.Usage;
import dev.fileserver.server.storage.UsageCounter;
import dev.fileserver.server.storage.FileStoreContractTest;
import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.StorageFailureException;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.Upload;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.server.storage.PartKey;
import dev.fileserver.wire.digest.Sha256;
import dev.fileserver.wire.archive.TarballLimits;
import dev.fileserver.testsupport.MovableClock;

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
    protected UsageCounter usageCounter(FileStore store) {
        return new LocalUsageCounter(((LocalFileStore) store).root());
    }

    @Test
    void theUsageCounterCountsALinkOutOfTheRootAsOneFileOfNoBytesAndNothingBeyondIt() throws IOException {
        FileStore store = newStore(1 << 20, Long.MAX_VALUE / 2);
        linkOutside("out");

        assertThat(usageCounter(store).count(StoragePath.parse("out"))).isEqualTo(new Usage(0, 1));
        assertThat(usageCounter(store).count(StoragePath.ROOT)).isEqualTo(new Usage(0, 1));
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

    @Test
    void aDigestKeptWithAnUploadIsServedUntilTheFileIsChangedBehindTheServersBack() throws IOException {
        FileStore store = newStore(1 << 20, Long.MAX_VALUE / 2);
        byte[] content = "checked".getBytes(StandardCharsets.UTF_8);
        Upload upload = store.beginUpload(StoragePath.ROOT, FileHeader.ofFile("checked.txt", 0644, content.length));
        upload.write(content, 0, content.length);
        upload.verified(Sha256.of(content));
        upload.commit();
        try (Download download = store.openForDownload(StoragePath.parse("checked.txt"))) {
            assertThat(download.keptSha256()).contains(Sha256.of(content));
        }

        Files.writeString(root.resolve("checked.txt"), " and changed", StandardOpenOption.APPEND);

        try (Download download = store.openForDownload(StoragePath.parse("checked.txt"))) {
            assertThat(download.keptSha256()).isEmpty();
        }
    }

    @Test
    void aDigestTakenWhileSendingAWholeFileIsKeptOnlyIfTheFileDidNotChangeMeanwhile() throws IOException {
        FileStore store = newStore(1 << 20, Long.MAX_VALUE / 2);
        Files.writeString(root.resolve("sent.txt"), "sent");
        String sha256 = Sha256.of("sent".getBytes(StandardCharsets.UTF_8));
        try (Download download = store.openForDownload(StoragePath.parse("sent.txt"))) {
            download.hashed(sha256);
        }
        try (Download download = store.openForDownload(StoragePath.parse("sent.txt"))) {
            assertThat(download.keptSha256()).contains(sha256);
        }

        Files.writeString(root.resolve("moving.txt"), "before");
        try (Download download = store.openForDownload(StoragePath.parse("moving.txt"))) {
            Files.writeString(root.resolve("moving.txt"), "after, longer");
            download.hashed(Sha256.of("before".getBytes(StandardCharsets.UTF_8)));
        }
        try (Download download = store.openForDownload(StoragePath.parse("moving.txt"))) {
            assertThat(download.keptSha256()).isEmpty();
        }
    }

    @Test
    void aDigestIsNotBelievedForAnotherFileRenamedOverTheNameWithTheSameSizeAndTime() throws IOException {
        FileStore store = newStore(1 << 20, Long.MAX_VALUE / 2);
        Files.writeString(root.resolve("named.txt"), "aaaa");
        Files.writeString(root.resolve("other.txt"), "bbbb");
        Files.setLastModifiedTime(root.resolve("other.txt"), Files.getLastModifiedTime(root.resolve("named.txt")));
        String otherSha256 = Sha256.of("bbbb".getBytes(StandardCharsets.UTF_8));
        try (Download other = store.openForDownload(StoragePath.parse("other.txt"))) {
            other.hashed(otherSha256);
        }
        try (Download opened = store.openForDownload(StoragePath.parse("named.txt"))) {
            Files.move(root.resolve("other.txt"), root.resolve("named.txt"), StandardCopyOption.ATOMIC_MOVE);

            assertThat(opened.keptSha256()).as("the digest of the file now under the name").isEmpty();
        }
        try (Download now = store.openForDownload(StoragePath.parse("named.txt"))) {
            assertThat(now.keptSha256()).contains(otherSha256);
        }
    }

    @Test
    void aKeptPartGoesOnceItsTimeIsUpAndARestartLeavesItUntilThen() throws IOException {
        MovableClock clock = new MovableClock();
        newStore(1 << 20, Long.MAX_VALUE / 2);
        LocalFileStore store = new LocalFileStore(StorageRoot.open(root),
                new UploadPolicy(1 << 20, new TarballLimits(1 << 24, 1000), false, Duration.ofHours(24)),
                new FreeSpaceReserve(StorageRoot.open(root), 0), 0, clock);
        PartKey key = new PartKey(PartKey.NO_ACCOUNT, StoragePath.ROOT, "big.bin", 10);
        Upload upload = store.beginUpload(StoragePath.ROOT,
                FileHeader.ofFile("big.bin", 0644, 10).with(FileHeader.Extensions.NONE.withResumable()), key);
        upload.write(new byte[6], 0, 6);
        upload.suspend();

        assertThat(store.removeStaleTemporaries()).isZero();
        clock.advance(Duration.ofHours(23));
        assertThat(store.removeExpiredParts()).isZero();
        assertThat(store.keptLength(key)).isEqualTo(6);

        clock.advance(Duration.ofHours(1));
        assertThat(store.keptLength(key)).isZero();
        assertThat(store.removeExpiredParts()).isEqualTo(1);
        try (var parts = Files.list(root.resolve(KeptParts.FOLDER))) {
            assertThat(parts).isEmpty();
        }
    }

}
