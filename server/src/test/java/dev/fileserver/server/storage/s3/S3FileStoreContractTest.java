package dev.fileserver.server.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

import dev.fileserver.server.storage.ArchiveRefusedException;
import dev.fileserver.server.storage.ArchiveTopLevelException;
import dev.fileserver.server.storage.Download;
import dev.fileserver.server.storage.EntryType;
import dev.fileserver.server.storage.KeptPartGoneException;
import dev.fileserver.server.storage.NotFoundException;
import dev.fileserver.server.storage.PartKey;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.UsageCounter;
import dev.fileserver.server.storage.FileStoreContractTest;
import dev.fileserver.server.storage.StorageFailureException;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.Upload;
import dev.fileserver.testsupport.MovableClock;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.archive.TarballLimits;

/**
 * The S3 backend against the storage contract, on an S3-compatible server started in this JVM, plus
 * what only a bucket can show. Each store gets a prefix of its own in one bucket.
 */
class S3FileStoreContractTest extends FileStoreContractTest {

    @TempDir
    static Path objects;

    static EmbeddedS3 s3;

    static String bucketName;

    private final List<Transfers> opened = new ArrayList<>();

    private Bucket bucket;

    private final MovableClock clock = new MovableClock(Instant.now());

    @BeforeAll
    static void startStore() throws Exception {
        s3 = EmbeddedS3.start(objects);
        bucketName = s3.createBucket();
    }

    @AfterAll
    static void stopStore() throws Exception {
        s3.close();
    }

    @AfterEach
    void closeTransfers() {
        opened.forEach(Transfers::close);
    }

    @Override
    protected FileStore newStore(long maxUploadBytes, long capacityBytes) {
        bucket = new Bucket(s3.client(), bucketName, "store-" + System.nanoTime() + "/");
        Transfers transfers = new Transfers(new PartBuffers(5L << 20, 20L << 20), 2);
        opened.add(transfers);
        // the bucket's room, as a quota on top of it would leave it
        return new S3FileStore(bucket, transfers, () -> capacityBytes,
                new StoreLimits(maxUploadBytes, new TarballLimits(1 << 24, 1000), 1 << 20), true,
                Duration.ofHours(24), clock);
    }

    /** The first name of every key under the store's prefix: multipart uploads under way are not keys at all. */
    @Override
    protected List<String> namesStoredInTheRoot() {
        return keys().stream().map(key -> key.substring(bucket.prefix().length()))
                .map(rest -> rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest)
                .filter(name -> !name.isEmpty()).distinct().toList();
    }

    @Override
    protected UsageCounter usageCounter(FileStore store) {
        return new BucketUsageCounter(bucket);
    }

    @Override
    protected void linkOutside(String name) {
        throw new UnsupportedOperationException("an object store has no links");
    }

    @Test
    void aCommittedOrAbortedUploadLeavesNoObjectBehindButTheFile() throws IOException {
        FileStore store = newStore(1 << 20, Long.MAX_VALUE / 2);
        put(store, StoragePath.ROOT, "kept.txt", "kept");
        Upload aborted = store.beginUpload(StoragePath.ROOT, FileHeader.ofFile("gone.txt", 0644, 1));
        aborted.write(new byte[] {'x'}, 0, 1);
        aborted.abort();

        assertThat(keys()).containsExactly(bucket.prefix() + "kept.txt");
    }

    @Test
    void anEmptyFolderIsAMarkerObjectThatNoListingShows() throws IOException {
        FileStore store = newStore(1 << 20, Long.MAX_VALUE / 2);
        put(store, StoragePath.ROOT, "empty", null);

        assertThat(names(store, StoragePath.ROOT)).containsExactly("empty");
        assertThat(names(store, StoragePath.parse("empty"))).isEmpty();
        assertThat(keys()).containsExactly(bucket.prefix() + "empty/");
    }

    @Test
    void aFileLargerThanOnePartBecomesOneObjectWithItsModeAndEveryByte() throws IOException {
        FileStore store = newStore(1 << 30, Long.MAX_VALUE / 2);
        byte[] content = new byte[12 << 20];
        new java.util.Random(12).nextBytes(content);
        commitFile(store, FileHeader.ofFile("big.bin", 0600, content.length), content);

        try (Download download = store.openForDownload(StoragePath.parse("big.bin"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            download.writeContent(out);
            assertThat(download.header().accessBits()).isEqualTo(0600);
            assertThat(out.toByteArray()).isEqualTo(content);
        }
        // a multipart upload's ETag counts its parts: three parts of 5 MiB at most
        assertThat(s3.client().headObject(request -> request.bucket(bucketName).key(bucket.prefix() + "big.bin"))
                .eTag()).endsWith("-3\"");
        assertThat(keys()).containsExactly(bucket.prefix() + "big.bin");
    }

    @Test
    void ofTwoUploadsOfOneNameUnderWayAtOnceTheSecondToFinishIsRefusedAndTheFirstStays() throws IOException {
        FileStore store = newStore(1 << 20, Long.MAX_VALUE / 2);
        put(store, StoragePath.ROOT, "shared.txt", "old");
        Upload first = store.beginUpload(StoragePath.ROOT, FileHeader.ofFile("shared.txt", 0644, 5));
        Upload second = store.beginUpload(StoragePath.ROOT, FileHeader.ofFile("shared.txt", 0644, 6));
        write(first, "first");
        write(second, "second");

        first.commit();
        assertThatThrownBy(second::commit).isInstanceOfSatisfying(StorageFailureException.class,
                e -> assertThat(e.reason()).isEqualTo("another upload of the same name finished first"));
        second.abort();
        assertThat(read(store, StoragePath.parse("shared.txt"))).isEqualTo("first");
    }

    @Test
    void aDownloadOfAFileReplacedSinceItsHeaderFailsRatherThanSendTheOtherVersion() throws IOException {
        FileStore store = newStore(1 << 20, Long.MAX_VALUE / 2);
        put(store, StoragePath.ROOT, "moving.txt", "before");
        try (Download download = store.openForDownload(StoragePath.parse("moving.txt"))) {
            put(store, StoragePath.ROOT, "moving.txt", "after!");

            assertThatThrownBy(() -> download.writeContent(new ByteArrayOutputStream()))
                    .isInstanceOf(IOException.class).hasMessageContaining("replaced or deleted while being sent");
        }
    }

    @Test
    void aFolderUploadLeavesNothingStagedWhetherStoredOrRefused() throws IOException {
        FileStore store = newStore(1 << 20, Long.MAX_VALUE / 2);
        putFolder(store, StoragePath.ROOT, "album", Map.of("album/a.txt", "a", "album/sub/b.txt", "b"));
        assertThatThrownBy(() -> putFolder(store, StoragePath.ROOT, "other",
                Map.of("other/ok.txt", "ok", "stray/x.txt", "x")))
                .isInstanceOf(ArchiveTopLevelException.class);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(keys())
                .containsExactlyInAnyOrder(bucket.prefix() + "album/", bucket.prefix() + "album/a.txt",
                        bucket.prefix() + "album/sub/", bucket.prefix() + "album/sub/b.txt"));
    }

    @Test
    void aFolderOfManySmallFilesAndLargerOnesComesDownWhole() throws IOException {
        FileStore store = newStore(1 << 24, Long.MAX_VALUE / 2);
        Map<String, String> files = new java.util.TreeMap<>();
        for (int i = 0; i < 30; i++) {
            files.put("many/f-" + i + ".txt", "file " + i);
        }
        files.put("many/sub/larger-than-a-small-put.txt", "x".repeat(100_000));
        files.put("many/sub/larger-than-read-ahead.txt", "y".repeat(300_000));
        putFolder(store, StoragePath.ROOT, "many", files);

        try (Download download = store.openForDownload(StoragePath.parse("many"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            download.writeContent(out);
            assertThat(out.size()).isEqualTo(download.header().fileLen());
            assertThat(filesIn(out.toByteArray())).isEqualTo(files);
        }
    }

    @Test
    void aHardLinkInAnUploadedFolderBecomesACopyAndASymbolicLinkIsRefused() throws IOException {
        FileStore store = newStore(1 << 20, Long.MAX_VALUE / 2);
        commitFolder(store, "linked", tar -> {
            file(tar, "linked/original.txt", "shared");
            TarArchiveEntry hard = new TarArchiveEntry("linked/again.txt", TarArchiveEntry.LF_LINK);
            hard.setLinkName("linked/original.txt");
            tar.putArchiveEntry(hard);
            tar.closeArchiveEntry();
        });
        assertThat(read(store, StoragePath.parse("linked/again.txt"))).isEqualTo("shared");

        assertThatThrownBy(() -> commitFolder(store, "linked", tar -> {
            file(tar, "linked/other.txt", "other");
            TarArchiveEntry symbolic = new TarArchiveEntry("linked/shortcut", TarArchiveEntry.LF_SYMLINK);
            symbolic.setLinkName("other.txt");
            tar.putArchiveEntry(symbolic);
            tar.closeArchiveEntry();
        })).isInstanceOfSatisfying(ArchiveRefusedException.class,
                e -> assertThat(e.getMessage()).contains("symbolic link 'linked/shortcut' cannot be stored"));
        assertThat(names(store, StoragePath.parse("linked"))).containsExactly("again.txt", "original.txt");
    }

    @Test
    void aFolderUploadWhoseStoreGoesAwayIsRefusedWhileStillArrivingAndLeavesNothing() throws Exception {
        FileStore store = newStore(1 << 30, Long.MAX_VALUE / 2);
        java.util.Random random = new java.util.Random(200);
        byte[] tarball = tarballOf(tar -> {
            for (int i = 0; i < 200; i++) {
                byte[] content = new byte[64 * 1024];
                random.nextBytes(content);
                file(tar, "gone/f-" + i + ".bin", content);
            }
        });
        Upload upload = store.beginUpload(StoragePath.ROOT, FileHeader.ofDirectory("gone", 0755, tarball.length));
        int sent = 0;
        try {
            for (; sent < tarball.length; sent += 65536) {
                if (sent == 1 << 20) {
                    s3.stop();
                }
                upload.write(tarball, sent, Math.min(65536, tarball.length - sent));
            }
        }
        catch (StorageFailureException e) {
            assertThat(e.reason()).isEqualTo("the object store is unreachable");
        }
        finally {
            s3.restart();
            upload.abort();
        }
        assertThat(sent).as("refused before the whole tarball was sent").isLessThan(tarball.length);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(keys()).isEmpty());
    }

    @Test
    void aCutUploadOfSeveralPartsIsKeptOutOfSightAndGoesOnFromCopiesMadeInsideTheStoreUntilItIsWhole()
            throws IOException {
        S3FileStore store = (S3FileStore) newStore(1 << 30, Long.MAX_VALUE / 2);
        byte[] content = randomBytes(13, 12 << 20);

        PartKey key = cut(store, "big.bin", content, 0, 7 << 20);
        assertThat(store.keptLength(key)).isEqualTo(7 << 20);
        assertKeptOutOfSight(store);
        try (InputStream part = store.openKeptPart(key)) {
            assertThat(part.readAllBytes()).isEqualTo(Arrays.copyOf(content, 7 << 20));
        }

        cut(store, "big.bin", content, 7 << 20, 10 << 20);
        assertThat(store.keptLength(key)).as("replaced by the longer part").isEqualTo(10 << 20);
        try (InputStream part = store.openKeptPart(key)) {
            assertThat(part.readAllBytes()).isEqualTo(Arrays.copyOf(content, 10 << 20));
        }

        finish(store, "big.bin", content, 10 << 20);
        assertThat(readBytes(store, "big.bin")).isEqualTo(content);
        assertThat(store.keptLength(key)).isZero();
        assertThat(keys()).containsExactly(bucket.prefix() + "big.bin");
        assertThat(multipartUploadsUnderWay()).isZero();
    }

    @Test
    void aPartUnderFiveMebibytesIsReadBackIntoTheFirstPartAndAnUncutResumableUploadLeavesOnlyItsFile()
            throws IOException {
        S3FileStore store = (S3FileStore) newStore(1 << 30, Long.MAX_VALUE / 2);
        byte[] content = randomBytes(14, 11 << 20);
        cut(store, "small-part.bin", content, 0, 3 << 20);
        finish(store, "small-part.bin", content, 3 << 20);
        byte[] other = randomBytes(15, 12 << 20);
        finish(store, "uncut.bin", other, 0);

        assertThat(readBytes(store, "small-part.bin")).isEqualTo(content);
        assertThat(readBytes(store, "uncut.bin")).isEqualTo(other);
        assertThat(keys()).containsExactly(bucket.prefix() + "small-part.bin", bucket.prefix() + "uncut.bin");
        assertThat(multipartUploadsUnderWay()).isZero();
    }

    @Test
    void aKeptPartGoesOnceItsTimeIsUpWhicheverOfTheServersSharingTheBucketSweepsFirst() throws IOException {
        S3FileStore one = (S3FileStore) newStore(1 << 20, Long.MAX_VALUE / 2);
        S3FileStore other = anotherServersStore(Duration.ofHours(24));
        PartKey key = new PartKey(PartKey.NO_ACCOUNT, StoragePath.ROOT, "cut.bin", 10);
        Upload cut = one.beginUpload(StoragePath.ROOT, resumable("cut.bin", 10), key);
        write(cut, "012345");
        cut.suspend();

        clock.advance(Duration.ofHours(23));
        assertThat(one.removeExpiredParts()).isZero();
        assertThat(other.keptLength(key)).as("found through another server").isEqualTo(6);

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(one.keptLength(key)).isZero();
        assertThat(other.removeExpiredParts()).isEqualTo(1);
        assertThat(one.removeExpiredParts()).isZero();
        assertThat(keys()).isEmpty();
    }

    @Test
    void withNoKeepingTimeACutUploadLeavesNothingAndAnOffsetIsRefused() throws IOException {
        newStore(1 << 20, Long.MAX_VALUE / 2);
        S3FileStore store = anotherServersStore(Duration.ZERO);
        PartKey key = new PartKey(PartKey.NO_ACCOUNT, StoragePath.ROOT, "cut.bin", 10);
        Upload cut = store.beginUpload(StoragePath.ROOT, resumable("cut.bin", 10), key);
        write(cut, "012345");
        cut.suspend();

        assertThat(store.guarantees().keptParts()).isFalse();
        assertThat(store.keptLength(key)).isZero();
        assertThat(keys()).isEmpty();
        assertThatThrownBy(() -> store.beginUpload(StoragePath.ROOT, resumable("cut.bin", 10).from(6), key))
                .isInstanceOf(KeptPartGoneException.class);
    }

    /** A store on the last store's prefix, as another server sharing the bucket has, keeping parts for {@code keepFor}. */
    private S3FileStore anotherServersStore(Duration keepFor) {
        return new S3FileStore(bucket, opened.get(0), () -> Long.MAX_VALUE / 2,
                new StoreLimits(1 << 20, new TarballLimits(1 << 24, 1000), 1 << 20), true, keepFor, clock);
    }

    /** The kept part is an object in the bucket, and nothing of the store's shows it. */
    private void assertKeptOutOfSight(FileStore store) throws IOException {
        assertThat(names(store, StoragePath.ROOT)).isEmpty();
        assertThat(namesStoredInTheRoot()).containsExactly(KeptPartObjects.FOLDER.replace("/", ""));
        StoragePath folder = StoragePath.parse(KeptPartObjects.FOLDER.replace("/", ""));
        assertThat(store.typeOf(folder)).isEqualTo(EntryType.NOT_FOUND);
        assertThatThrownBy(() -> store.stat(folder)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete(folder)).isInstanceOf(NotFoundException.class);
        try (Download tree = store.openForDownload(StoragePath.ROOT)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            tree.writeContent(out);
            assertThat(filesIn(out.toByteArray())).isEmpty();
        }
    }

    /** A resumable upload of {@code content} into the root from {@code from}, cut once the bytes up to {@code to} arrived. */
    private static PartKey cut(FileStore store, String name, byte[] content, int from, int to) {
        Upload upload = begin(store, name, content, from);
        send(upload, content, from, to);
        upload.suspend();
        return new PartKey(PartKey.NO_ACCOUNT, StoragePath.ROOT, name, content.length);
    }

    /** A resumable upload of {@code content} into the root from {@code from} to its end, committed. */
    private static void finish(FileStore store, String name, byte[] content, int from) {
        Upload upload = begin(store, name, content, from);
        send(upload, content, from, content.length);
        upload.commit();
    }

    private static Upload begin(FileStore store, String name, byte[] content, int from) {
        FileHeader whole = resumable(name, content.length);
        return store.beginUpload(StoragePath.ROOT, from == 0 ? whole : whole.from(from),
                new PartKey(PartKey.NO_ACCOUNT, StoragePath.ROOT, name, content.length));
    }

    private static byte[] randomBytes(long seed, int length) {
        byte[] bytes = new byte[length];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static void send(Upload upload, byte[] content, int from, int to) {
        for (int offset = from; offset < to; offset += 65536) {
            upload.write(content, offset, Math.min(65536, to - offset));
        }
    }

    private static byte[] readBytes(FileStore store, String name) throws IOException {
        try (Download download = store.openForDownload(StoragePath.parse(name))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            download.writeContent(out);
            return out.toByteArray();
        }
    }

    private int multipartUploadsUnderWay() {
        return s3.client().listMultipartUploads(request -> request.bucket(bucketName).prefix(bucket.prefix()))
                .uploads().size();
    }

    private interface TarContent {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private static byte[] tarballOf(TarContent content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            content.write(tar);
        }
        return bytes.toByteArray();
    }

    private static void commitFolder(FileStore store, String name, TarContent content) throws IOException {
        byte[] tarball = tarballOf(content);
        Upload upload = store.beginUpload(StoragePath.ROOT, FileHeader.ofDirectory(name, 0755, tarball.length));
        try {
            upload.write(tarball, 0, tarball.length);
            upload.commit();
        }
        finally {
            upload.abort();
        }
    }

    private static void file(TarArchiveOutputStream tar, String name, String text) throws IOException {
        file(tar, name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void commitFile(FileStore store, FileHeader header, byte[] content) {
        Upload upload = store.beginUpload(StoragePath.ROOT, header);
        try {
            for (int offset = 0; offset < content.length; offset += 65536) {
                upload.write(content, offset, Math.min(65536, content.length - offset));
            }
            upload.commit();
        }
        finally {
            upload.abort();
        }
    }

    private List<String> keys() {
        return s3.client().listObjectsV2(request -> request.bucket(bucketName).prefix(bucket.prefix())).contents()
                .stream().map(S3Object::key).toList();
    }
}
