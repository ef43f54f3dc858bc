package dev.fileserver.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.fileserver.wire.FileFrameSource;
import dev.fileserver.wire.FileHeader;
import dev.fileserver.wire.digest.Sha256;

/**
 * What every {@link FileStore} promises, held against one backend by each subclass. A backend that
 * declares a weaker guarantee in {@link FileStore#guarantees()} is checked for exactly what it
 * declares. Each test gets a fresh, empty store.
 */
public abstract class FileStoreContractTest {

    static final StoragePath ROOT = StoragePath.ROOT;

    /** A fresh, empty store that accepts uploads of up to {@code maxUploadBytes} and has room for {@code capacityBytes}. */
    protected abstract FileStore newStore(long maxUploadBytes, long capacityBytes) throws IOException;

    /**
     * The names the backend itself keeps at the root's level, temporaries included, bypassing the
     * store (a folder listing on disk, the keys under a prefix); empty where in-progress uploads
     * are not entries at all (an object store's multipart uploads).
     */
    protected abstract List<String> namesStoredInTheRoot() throws IOException;

    /**
     * Makes {@code name} in the root a symbolic link to a folder outside the store holding a file
     * {@code secret.txt}; only called when the store declares symbolic links.
     */
    protected abstract void linkOutside(String name) throws IOException;

    /** How the backend counts what {@code store} holds, for its quotas. */
    protected abstract UsageCounter usageCounter(FileStore store);

    private FileStore store() throws IOException {
        return newStore(1 << 20, Long.MAX_VALUE / 2);
    }

    @Test
    void aCommittedUploadReplacesTheOldContentInOneStep() throws IOException {
        FileStore store = store();
        put(store, ROOT, "notes.txt", "old");
        Upload upload = store.beginUpload(ROOT, FileHeader.ofFile("notes.txt", 0644, 3));
        write(upload, "new");

        assertThat(read(store, StoragePath.parse("notes.txt"))).isEqualTo("old");
        assertThat(upload.commit()).isEqualTo(StoragePath.parse("notes.txt"));
        assertThat(read(store, StoragePath.parse("notes.txt"))).isEqualTo("new");
    }

    @Test
    void anUploadIsInvisibleUntilCommittedAndAnAbortedOneLeavesNothing() throws IOException {
        FileStore store = store();
        put(store, ROOT, "kept.txt", "kept");
        Upload upload = store.beginUpload(ROOT, FileHeader.ofFile("draft.txt", 0644, 5));
        write(upload, "draft");

        assertThat(names(store, ROOT)).containsExactly("kept.txt");
        assertThat(store.typeOf(StoragePath.parse("draft.txt"))).isEqualTo(EntryType.NOT_FOUND);
        upload.abort();
        upload.abort();
        assertThat(names(store, ROOT)).containsExactly("kept.txt");
        assertThat(store.typeOf(StoragePath.parse("draft.txt"))).isEqualTo(EntryType.NOT_FOUND);
    }

    @Test
    void anAbortAfterCommitChangesNothing() throws IOException {
        FileStore store = store();
        Upload upload = store.beginUpload(ROOT, FileHeader.ofFile("a.txt", 0644, 1));
        write(upload, "a");
        upload.commit();
        upload.abort();
        assertThat(read(store, StoragePath.parse("a.txt"))).isEqualTo("a");
    }

    @Test
    void listingsAreSortedByNameTheSameWayOnEveryBackend() throws IOException {
        FileStore store = store();
        for (String name : List.of("b.txt", "B.txt", "a.txt", "é.txt", "Z", "10", "9", "_x")) {
            put(store, ROOT, name, name);
        }
        put(store, ROOT, "sub", null);

        assertThat(names(store, ROOT)).containsExactly("10", "9", "B.txt", "Z", "_x", "a.txt", "b.txt", "sub", "é.txt");
    }

    @Test
    void entriesTellFilesFromFoldersAndCarryTheSizeOfFiles() throws IOException {
        FileStore store = store();
        put(store, ROOT, "five.txt", "12345");
        put(store, ROOT, "docs", null);

        Map<String, Entry> entries = new LinkedHashMap<>();
        store.list(ROOT).forEach(entry -> entries.put(entry.name(), entry));
        assertThat(entries.get("five.txt").type()).isEqualTo(EntryType.FILE);
        assertThat(entries.get("five.txt").size()).isEqualTo(5);
        assertThat(entries.get("docs").type()).isEqualTo(EntryType.DIRECTORY);
        assertThat(store.typeOf(StoragePath.parse("docs"))).isEqualTo(EntryType.DIRECTORY);
        assertThat(store.typeOf(StoragePath.parse("five.txt"))).isEqualTo(EntryType.FILE);
        assertThat(store.typeOf(StoragePath.parse("none"))).isEqualTo(EntryType.NOT_FOUND);
    }

    @Test
    void listingAMissingPathOrAFileIsRefusedWithWhatItIs() throws IOException {
        FileStore store = store();
        put(store, ROOT, "file.txt", "x");

        assertThatThrownBy(() -> store.list(StoragePath.parse("missing")))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.path()).isEqualTo(StoragePath.parse("missing")));
        assertThatThrownBy(() -> store.list(StoragePath.parse("file.txt")))
                .isInstanceOf(NotADirectoryException.class);
    }

    @Test
    void aDownloadSendsExactlyTheBytesItsHeaderAnnounces() throws IOException {
        FileStore store = store();
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        putBytes(store, ROOT, "data.bin", content);

        try (FileFrameSource download = store.openForDownload(StoragePath.parse("data.bin"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            download.writeContent(out);
            assertThat(download.header().fileName()).isEqualTo("data.bin");
            assertThat(download.header().compressed()).isFalse();
            assertThat(download.header().fileLen()).isEqualTo(content.length);
            assertThat(out.toByteArray()).isEqualTo(content);
        }
    }

    @Test
    void aFolderDownloadIsATarballOfTheFolderUnderItsOwnName() throws IOException {
        FileStore store = store();
        putFolder(store, ROOT, "album", Map.of("album/a.txt", "a", "album/sub/b.txt", "bb"));

        try (FileFrameSource download = store.openForDownload(StoragePath.parse("album"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            download.writeContent(out);
            assertThat(download.header().compressed()).isTrue();
            assertThat(download.header().fileName()).isEqualTo("album.tar.gz");
            assertThat(out.size()).isEqualTo(download.header().fileLen());
            assertThat(filesIn(out.toByteArray())).isEqualTo(Map.of("album/a.txt", "a", "album/sub/b.txt", "bb"));
        }
    }

    @Test
    void aFolderUploadReplacesTheWholeOldTree() throws IOException {
        FileStore store = store();
        putFolder(store, ROOT, "album", Map.of("album/old.txt", "old", "album/keep/x.txt", "x"));
        putFolder(store, ROOT, "album", Map.of("album/new.txt", "new"));

        assertThat(names(store, StoragePath.parse("album"))).containsExactly("new.txt");
        assertThat(read(store, StoragePath.parse("album/new.txt"))).isEqualTo("new");
    }

    @Test
    void aFolderUploadRefusedAfterItWasUnpackedLeavesTheOldTreeAsItWas() throws IOException {
        FileStore store = store();
        putFolder(store, ROOT, "album", Map.of("album/old.txt", "old"));

        // unpacked whole before the refusal: it must have been unpacked somewhere other than in place
        assertThatThrownBy(() -> putFolder(store, ROOT, "album", Map.of("album/new.txt", "new",
                "album/deep/" + Names.TEMPORARY_PREFIX + "x", "reserved")))
                .isInstanceOf(StorageException.class);
        assertThat(names(store, StoragePath.parse("album"))).containsExactly("old.txt");
        assertThat(read(store, StoragePath.parse("album/old.txt"))).isEqualTo("old");
        assertThat(names(store, ROOT)).containsExactly("album");
    }

    @Test
    void aFolderUploadThatIsNotATarballIsRefusedAndChangesNothing() throws IOException {
        FileStore store = store();
        putFolder(store, ROOT, "album", Map.of("album/old.txt", "old"));
        byte[] notATarball = "not a tarball".getBytes(StandardCharsets.UTF_8);
        Upload upload = store.beginUpload(ROOT, FileHeader.ofDirectory("album", 0755, notATarball.length));
        upload.write(notATarball, 0, notATarball.length);

        assertThatThrownBy(upload::commit).isInstanceOf(ArchiveRefusedException.class);
        upload.abort();
        assertThat(names(store, StoragePath.parse("album"))).containsExactly("old.txt");
    }

    @Test
    void aFolderTarballMustHoldOnlyTheFolderItIsNamedFor() throws IOException {
        FileStore store = store();
        assertThatThrownBy(() -> putFolder(store, ROOT, "album", Map.of("album/a.txt", "a", "other/b.txt", "b")))
                .isInstanceOfSatisfying(ArchiveTopLevelException.class,
                        e -> assertThat(e.topLevel()).containsExactlyInAnyOrder("album", "other"));
        assertThat(names(store, ROOT)).isEmpty();
    }

    @Test
    void aFileDoesNotReplaceAFolder() throws IOException {
        FileStore store = store();
        put(store, ROOT, "docs", null);
        put(store, StoragePath.parse("docs"), "inside.txt", "inside");

        assertThatThrownBy(() -> put(store, ROOT, "docs", "file")).isInstanceOf(IsADirectoryException.class);
        assertThat(read(store, StoragePath.parse("docs/inside.txt"))).isEqualTo("inside");
        assertThat(names(store, ROOT)).containsExactly("docs");
    }

    @Test
    void namesThatAreNotPlainBaseNamesAreRefusedBeforeAnythingIsStored() throws IOException {
        FileStore store = store();
        for (String name : List.of(".", "..", "a/b", "nul\0l", Names.TEMPORARY_PREFIX + "x")) {
            assertThatThrownBy(() -> store.beginUpload(ROOT, FileHeader.ofFile(name, 0644, 1)))
                    .as(name).isInstanceOf(InvalidNameException.class);
        }
        assertThat(names(store, ROOT)).isEmpty();
    }

    @Test
    void anUploadLargerThanTheLimitOrTheRoomLeftIsRefusedUpFront() throws IOException {
        FileStore small = newStore(100, Long.MAX_VALUE / 2);
        assertThatThrownBy(() -> small.beginUpload(ROOT, FileHeader.ofFile("big", 0644, 101)))
                .isInstanceOfSatisfying(UploadTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(100));

        // far apart, so that whatever else the machine writes meanwhile cannot change the answer
        FileStore full = newStore(1L << 40, 1 << 20);
        assertThatThrownBy(() -> full.beginUpload(ROOT, FileHeader.ofFile("big", 0644, 1L << 30)))
                .isInstanceOf(InsufficientCapacityException.class);
        assertThat(names(full, ROOT)).isEmpty();
    }

    @Test
    void anUploadIntoAMissingFolderIsRefused() throws IOException {
        FileStore store = store();
        assertThatThrownBy(() -> store.beginUpload(StoragePath.parse("missing"), FileHeader.ofFile("a", 0644, 1)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteRemovesAFileOrAWholeFolderAndNeverTheRoot() throws IOException {
        FileStore store = store();
        put(store, ROOT, "a.txt", "a");
        putFolder(store, ROOT, "tree", Map.of("tree/x/y/z.txt", "z"));

        store.delete(StoragePath.parse("a.txt"));
        store.delete(StoragePath.parse("tree"));
        assertThat(names(store, ROOT)).isEmpty();
        assertThatThrownBy(() -> store.delete(ROOT)).isInstanceOf(RootNotDeletableException.class);
        assertThatThrownBy(() -> store.delete(StoragePath.parse("a.txt"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUploadInProgressIsNeverFoundListedServedOrDeletedUnderTheNameTheBackendKeepsItBy() throws IOException {
        FileStore store = store();
        Upload upload = store.beginUpload(ROOT, FileHeader.ofFile("pending.txt", 0644, 7));
        write(upload, "pending");

        assertThat(names(store, ROOT)).isEmpty();
        for (String name : namesStoredInTheRoot()) {
            StoragePath kept = StoragePath.parse(name);
            assertThat(store.typeOf(kept)).as(name).isEqualTo(EntryType.NOT_FOUND);
            assertThatThrownBy(() -> store.openForDownload(kept)).as(name).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> store.delete(kept)).as(name).isInstanceOf(NotFoundException.class);
        }
        upload.commit();
        assertThat(names(store, ROOT)).containsExactly("pending.txt");
    }

    @Test
    void aLinkThatLeadsOutOfTheRootIsListedButNeverFollowed() throws IOException {
        FileStore store = store();
        if (!store.guarantees().symbolicLinks()) {
            return;
        }
        linkOutside("escape");

        assertThat(store.list(ROOT)).extracting(Entry::name, Entry::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("escape", EntryType.LINK));
        for (String path : List.of("escape", "escape/secret.txt", "escape/new")) {
            assertThatThrownBy(() -> store.confine(StoragePath.parse(path))).as(path)
                    .isInstanceOf(PathOutsideRootException.class);
            assertThatThrownBy(() -> store.openForDownload(StoragePath.parse(path))).as(path)
                    .isInstanceOf(PathOutsideRootException.class);
        }
        assertThatThrownBy(() -> store.beginUpload(StoragePath.parse("escape"), FileHeader.ofFile("a", 0644, 1)))
                .isInstanceOf(PathOutsideRootException.class);
    }

    @Test
    void statTellsWhatAPathIsAndRefusesWhatIsNotThere() throws IOException {
        FileStore store = store();
        put(store, ROOT, "notes.txt", "hello");
        put(store, ROOT, "docs", null);

        Entry file = store.stat(StoragePath.parse("notes.txt"));
        assertThat(file.name()).isEqualTo("notes.txt");
        assertThat(file.type()).isEqualTo(EntryType.FILE);
        assertThat(file.size()).isEqualTo(5);
        assertThat(store.stat(StoragePath.parse("docs")).type()).isEqualTo(EntryType.DIRECTORY);
        assertThat(store.stat(ROOT)).extracting(Entry::name, Entry::type)
                .containsExactly(store.rootName(), EntryType.DIRECTORY);
        assertThatThrownBy(() -> store.stat(StoragePath.parse("ghost"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.stat(StoragePath.parse(Names.TEMPORARY_PREFIX + "x")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void makeDirectoryMakesOneFolderAndWithParentsEveryMissingOneAbove() throws IOException {
        FileStore store = store();
        put(store, ROOT, "file.txt", "x");

        store.makeDirectory(StoragePath.parse("one"), false);
        assertThat(store.typeOf(StoragePath.parse("one"))).isEqualTo(EntryType.DIRECTORY);
        assertThatThrownBy(() -> store.makeDirectory(StoragePath.parse("one"), false))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> store.makeDirectory(StoragePath.parse("a/b"), false))
                .isInstanceOf(NotFoundException.class);

        store.makeDirectory(StoragePath.parse("a/b/c"), true);
        store.makeDirectory(StoragePath.parse("a/b/c"), true);
        assertThat(names(store, StoragePath.parse("a/b"))).containsExactly("c");
        assertThatThrownBy(() -> store.makeDirectory(StoragePath.parse("file.txt/inner"), true))
                .isInstanceOf(NotADirectoryException.class);
        assertThatThrownBy(() -> store.makeDirectory(StoragePath.parse("file.txt"), false))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> store.makeDirectory(StoragePath.parse(Names.TEMPORARY_PREFIX + "x"), false))
                .isInstanceOf(InvalidNameException.class);
        assertThat(names(store, ROOT)).containsExactly("a", "file.txt", "one");
    }

    @Test
    void renameGivesAFileOrAFolderAFreeNameAndRefusesEverythingElse() throws IOException {
        FileStore store = store();
        put(store, ROOT, "notes.txt", "notes");
        putFolder(store, ROOT, "docs", Map.of("docs/readme.txt", "readme"));
        put(store, ROOT, "taken.txt", "taken");

        store.rename(StoragePath.parse("notes.txt"), StoragePath.parse("docs/moved.txt"));
        store.rename(StoragePath.parse("docs"), StoragePath.parse("papers"));

        assertThat(read(store, StoragePath.parse("papers/moved.txt"))).isEqualTo("notes");
        assertThat(read(store, StoragePath.parse("papers/readme.txt"))).isEqualTo("readme");
        assertThat(names(store, ROOT)).containsExactly("papers", "taken.txt");
        assertThatThrownBy(() -> store.rename(StoragePath.parse("papers/moved.txt"), StoragePath.parse("taken.txt")))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(read(store, StoragePath.parse("taken.txt"))).isEqualTo("taken");
        assertThatThrownBy(() -> store.rename(StoragePath.parse("ghost"), StoragePath.parse("x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.rename(StoragePath.parse("taken.txt"), StoragePath.parse("nowhere/x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.rename(StoragePath.parse("papers"), StoragePath.parse("papers/inside")))
                .isInstanceOf(InvalidMoveException.class);
        assertThatThrownBy(() -> store.rename(ROOT, StoragePath.parse("elsewhere")))
                .isInstanceOf(InvalidMoveException.class);
        assertThatThrownBy(() -> store.rename(StoragePath.parse("taken.txt"),
                StoragePath.parse(Names.TEMPORARY_PREFIX + "hidden"))).isInstanceOf(InvalidNameException.class);
        assertThat(names(store, ROOT)).containsExactly("papers", "taken.txt");
    }

    @Test
    void aDownloadFromAnOffsetSendsOnlyTheRestAndSaysWhereItStarts() throws IOException {
        FileStore store = store();
        put(store, ROOT, "hello.txt", "hello world");

        try (Download rest = store.openForDownload(StoragePath.parse("hello.txt")).from(3)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            rest.writeContent(out);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("lo world");
            assertThat(rest.header().fileLen()).isEqualTo(8);
            assertThat(rest.header().extensions().offset()).isEqualTo(3);
            assertThat(rest.header().totalLength()).isEqualTo(11);
        }
    }

    @Test
    void aFilesVersionStaysWhileItIsUnchangedAndChangesWithItsContent() throws IOException {
        FileStore store = store();
        put(store, ROOT, "v.txt", "first");
        String first = version(store, "v.txt");
        assertThat(version(store, "v.txt")).isEqualTo(first);

        put(store, ROOT, "v.txt", "second, longer");

        assertThat(version(store, "v.txt")).isNotEqualTo(first);
    }

    @Test
    void aDigestKeptWithAnUploadIsOnlyEverTheDigestOfWhatIsStored() throws IOException {
        FileStore store = store();
        byte[] content = "checked".getBytes(StandardCharsets.UTF_8);
        Upload upload = store.beginUpload(ROOT, FileHeader.ofFile("checked.txt", 0644, content.length));
        upload.write(content, 0, content.length);
        upload.verified(Sha256.of(content));
        upload.commit();

        try (Download download = store.openForDownload(StoragePath.parse("checked.txt"))) {
            assertThat(download.keptSha256()).satisfiesAnyOf(
                    kept -> assertThat(kept).isEmpty(),
                    kept -> assertThat(kept).contains(Sha256.of(content)));
        }
    }

    @Test
    void aFolderDownloadNotesTheDigestOfEachFileItPacksWhenAsked() throws IOException {
        FileStore store = store();
        putFolder(store, ROOT, "docs", Map.of("docs/a.txt", "a", "docs/inner/b.txt", "b"));

        try (Download download = store.openForDownload(StoragePath.parse("docs"))) {
            Map<String, String> digests = download.recordEntryDigests();
            download.writeContent(OutputStream.nullOutputStream());
            if (digests != null) {
                assertThat(digests).containsOnly(entry("a.txt", sha256("a")), entry("inner/b.txt", sha256("b")));
            }
        }
    }

    @Test
    void aFolderUploadWhoseFilesDifferFromTheirDigestsStoresNothing() throws IOException {
        FileStore store = store();
        putFolder(store, ROOT, "docs", Map.of("docs/old.txt", "old"));
        Map<String, String> entries = Map.of("docs/a.txt", "a", "docs/b.txt", "b");

        assertThatThrownBy(() -> putCheckedFolder(store, "docs", entries,
                Map.of("a.txt", sha256("a"), "b.txt", sha256("not b"))))
                .isInstanceOfSatisfying(DigestMismatchException.class, e -> {
                    assertThat(e.entry()).isEqualTo("b.txt");
                    assertThat(e.announced()).isEqualTo(sha256("not b"));
                    assertThat(e.arrived()).isEqualTo(sha256("b"));
                });
        assertThatThrownBy(() -> putCheckedFolder(store, "docs", entries, Map.of("a.txt", sha256("a"))))
                .isInstanceOf(DigestMismatchException.class);
        assertThat(names(store, StoragePath.parse("docs"))).containsExactly("old.txt");

        putCheckedFolder(store, "docs", entries, Map.of("a.txt", sha256("a"), "b.txt", sha256("b")));
        assertThat(names(store, StoragePath.parse("docs"))).containsExactly("a.txt", "b.txt");
    }

    @Test
    void aSuspendedResumableUploadKeepsItsPartOutOfSightUntilTheSameUploadGoesOn() throws IOException {
        FileStore store = store();
        FileHeader whole = resumable("big.bin", 10);
        PartKey key = cutAfter(store, whole, "01234");

        long kept = store.keptLength(key);
        assertThat(kept).isEqualTo(store.guarantees().keptParts() ? 5 : 0);
        Assumptions.assumeTrue(kept > 0, "this store keeps no parts of interrupted uploads");
        assertThat(names(store, ROOT)).isEmpty();
        assertThat(store.keptLength(new PartKey(PartKey.NO_ACCOUNT, ROOT, "big.bin", 11))).isZero();
        assertThat(store.keptLength(new PartKey("someone else", ROOT, "big.bin", 10))).isZero();
        try (InputStream part = store.openKeptPart(key)) {
            assertThat(new String(part.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("01234");
        }
        assertThatThrownBy(() -> store.beginUpload(ROOT, whole.from(4), key)).isInstanceOf(KeptPartGoneException.class);

        Upload rest = store.beginUpload(ROOT, whole.from(5), key);
        write(rest, "56789");
        rest.commit();

        assertThat(read(store, StoragePath.parse("big.bin"))).isEqualTo("0123456789");
        assertThat(store.keptLength(key)).isZero();
    }

    @Test
    void aResumedUploadThatIsAbortedLeavesNeitherItsFileNorThePartItContinued() throws IOException {
        FileStore store = store();
        FileHeader whole = resumable("big.bin", 10);
        PartKey key = cutAfter(store, whole, "01234");
        Assumptions.assumeTrue(store.keptLength(key) > 0, "this store keeps no parts of interrupted uploads");

        Upload rest = store.beginUpload(ROOT, whole.from(5), key);
        write(rest, "56");
        rest.abort();

        assertThat(store.keptLength(key)).isZero();
        assertThat(names(store, ROOT)).isEmpty();
    }

    @Test
    void anUploadOfTheSameFileFromTheStartDropsThePartKeptForIt() throws IOException {
        FileStore store = store();
        FileHeader whole = resumable("big.bin", 4);
        PartKey key = cutAfter(store, whole, "ab");

        Upload again = store.beginUpload(ROOT, whole, key);
        assertThat(store.keptLength(key)).isZero();
        write(again, "abcd");
        again.commit();
        assertThat(read(store, StoragePath.parse("big.bin"))).isEqualTo("abcd");
    }

    @Test
    void anUploadThatIsNotResumableKeepsNothingWhenSuspended() throws IOException {
        FileStore store = store();
        PartKey key = new PartKey(PartKey.NO_ACCOUNT, ROOT, "plain.bin", 4);
        Upload upload = store.beginUpload(ROOT, FileHeader.ofFile("plain.bin", 0644, 4), key);
        write(upload, "ab");
        upload.suspend();

        assertThat(store.keptLength(key)).isZero();
        assertThat(names(store, ROOT)).isEmpty();
    }

    // --- through the interface only, so any backend can be filled the same way

    /** A file with {@code text}, or a folder when {@code text} is null. */
    @Test
    void theUsageCounterCountsTheFilesAndBytesBelowAPathAndNeitherFoldersNorUploadsUnderWay() throws IOException {
        FileStore store = store();
        putBytes(store, ROOT, "a.bin", new byte[100]);
        store.makeDirectory(StoragePath.parse("docs/empty"), true);
        putBytes(store, StoragePath.parse("docs"), "b.bin", new byte[20]);
        Upload underWay = store.beginUpload(ROOT, FileHeader.ofFile("c.bin", 0644, 5));
        write(underWay, "12345");
        UsageCounter counter = usageCounter(store);

        assertThat(counter.count(ROOT)).isEqualTo(new Usage(120, 2));
        assertThat(counter.count(StoragePath.parse("docs"))).isEqualTo(new Usage(20, 1));
        assertThat(counter.count(StoragePath.parse("a.bin"))).isEqualTo(Usage.file(100));
        assertThat(counter.count(StoragePath.parse("missing"))).isEqualTo(Usage.NONE);
        underWay.abort();
    }

    @Test
    void theUsageCounterCountsTheKeptPartsOfInterruptedUploadsAtTheRoot() throws IOException {
        FileStore store = store();
        PartKey key = cutAfter(store, resumable("big.bin", 10), "1234");
        long kept = store.keptLength(key);

        assertThat(usageCounter(store).count(ROOT)).isEqualTo(kept > 0 ? Usage.file(kept) : Usage.NONE);
    }

    /** The header of a file of {@code size} bytes whose upload asks to be kept if cut. */
    protected static FileHeader resumable(String name, long size) {
        return FileHeader.ofFile(name, 0644, size).with(FileHeader.Extensions.NONE.withResumable());
    }

    /** Uploads {@code whole} into the root with its key, cut (suspended, then aborted) once {@code arrived} arrived. */
    private static PartKey cutAfter(FileStore store, FileHeader whole, String arrived) {
        PartKey key = new PartKey(PartKey.NO_ACCOUNT, ROOT, whole.fileName(), whole.totalLength());
        Upload upload = store.beginUpload(ROOT, whole, key);
        write(upload, arrived);
        upload.suspend();
        upload.abort();
        return key;
    }

    protected static void put(FileStore store, StoragePath directory, String name, String text) throws IOException {
        if (text == null) {
            putFolder(store, directory, name, Map.of(name + "/", ""));
            return;
        }
        putBytes(store, directory, name, text.getBytes(StandardCharsets.UTF_8));
    }

    protected static void putBytes(FileStore store, StoragePath directory, String name, byte[] content) {
        commit(store, directory, FileHeader.ofFile(name, 0644, content.length), content);
    }

    private static void commit(FileStore store, StoragePath directory, FileHeader header, byte[] content) {
        Upload upload = store.beginUpload(directory, header);
        try {
            upload.write(content, 0, content.length);
            upload.commit();
        }
        finally {
            upload.abort();
        }
    }

    /** A folder from entries by archive name (a trailing {@code /} is an empty folder). */
    protected static void putFolder(FileStore store, StoragePath directory, String name, Map<String, String> entries)
            throws IOException {
        byte[] tarball = tarball(entries);
        commit(store, directory, FileHeader.ofDirectory(name, 0755, tarball.length), tarball);
    }

    protected static void write(Upload upload, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        upload.write(bytes, 0, bytes.length);
    }

    protected static String read(FileStore store, StoragePath path) throws IOException {
        try (FileFrameSource download = store.openForDownload(path)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            download.writeContent(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static String version(FileStore store, String path) throws IOException {
        try (Download download = store.openForDownload(StoragePath.parse(path))) {
            return download.version();
        }
    }

    private static String sha256(String text) {
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void putCheckedFolder(FileStore store, String name, Map<String, String> entries,
            Map<String, String> digests) throws IOException {
        byte[] tarball = tarball(entries);
        Upload upload = store.beginUpload(ROOT, FileHeader.ofDirectory(name, 0755, tarball.length));
        try {
            upload.write(tarball, 0, tarball.length);
            upload.expectEntries(digests);
            upload.commit();
        }
        finally {
            upload.abort();
        }
    }

    protected static List<String> names(FileStore store, StoragePath directory) {
        List<String> names = new ArrayList<>();
        store.list(directory).forEach(entry -> names.add(entry.name()));
        return names;
    }

    private static byte[] tarball(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
                TarArchiveEntry header = new TarArchiveEntry(entry.getKey());
                byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
                if (!header.isDirectory()) {
                    header.setSize(content.length);
                }
                tar.putArchiveEntry(header);
                if (!header.isDirectory()) {
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    protected static Map<String, String> filesIn(byte[] gzippedTar) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(gzippedTar)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
