package dev.fileserver.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.fileserver.client.CuttingRelay.Direction;
import dev.fileserver.client.support.ClientRun;
import dev.fileserver.testsupport.Sha256;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.wire.archive.PosixModes;

/**
 * The commands that use the server's extensions, as a script and a person run them, against the
 * real server: long listings, sized trees, stat, mkdir, rename, verified transfers, and transfers
 * cut midway (through a relay that drops the connection) and resumed.
 */
class ExtensionsAgainstRealServerTest extends AgainstOneRealServer {

    private static final int BIG = 16 * 1024 * 1024;

    @Test
    void lsLongInAScriptGivesExactSizesAndUtcTimes() throws IOException {
        Files.createDirectories(root.resolve("docs/inner"));
        Files.write(root.resolve("docs/big.bin"), new byte[123_456]);
        Files.setLastModifiedTime(root.resolve("docs/big.bin"), FileTime.from(Instant.parse("2024-05-01T12:34:56Z")));

        ClientRun run = client("ls", "-l", "docs");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.out().lines().toList().get(0)).matches("-rw-r--r--  123456  2024-05-01T12:34:56Z  big\\.bin");
        assertThat(run.out().lines().toList().get(1)).matches("drwx.*  inner");
    }

    @Test
    void lsLongAtATerminalGivesSizesInBinaryUnits() throws IOException {
        Files.write(root.resolve("big.bin"), new byte[3 * 1024 * 1024]);

        ClientRun run = ClientRun.with(server.port(), "", true, "ls", "-l");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("  3.0 MiB  ").endsWith("  big.bin\n");
    }

    @Test
    void treeWithSizesGivesEachFilesSizeAndEachFoldersTotal() throws IOException {
        plant(root.resolve("photos"));

        ClientRun run = client("tree", "-s", "photos");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("""
                [33]  photos
                ├── [6]  a.txt
                └── [27]  sub
                    ├── [9]  deeper
                    │   ├── [4]  bytes.bin
                    │   └── [5]  read only.txt
                    └── [18]  run.sh
                """);
    }

    @Test
    void statSaysWhatAPathIs() throws IOException {
        Files.writeString(root.resolve("notes.txt"), "hello");

        ClientRun run = client("stat", "notes.txt");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("name: notes.txt\ntype: file\nsize: 5\nmode: 0644 -rw-r--r--\nmodified: ");
        assertThat(client("stat", "ghost").err()).isEqualTo("Error: 'ghost' not found\n");
    }

    @Test
    void mkdirMakesAFolderAndWithPTheWholePath() {
        ClientRun one = client("mkdir", "docs");
        ClientRun again = client("mkdir", "docs");
        ClientRun deep = client("mkdir", "-p", "a/b/c");
        ClientRun missingParent = client("mkdir", "x/y");

        assertThat(one.out()).isEqualTo("'docs' created.\n");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("Error: 'docs' already exists\n");
        assertThat(deep.exitCode()).as(deep.toString()).isZero();
        assertThat(root.resolve("a/b/c")).isDirectory();
        assertThat(missingParent.err()).isEqualTo("Error: 'x' not found\n");
    }

    @Test
    void mvRenamesAndMovesAndRefusesATakenName() throws IOException {
        Files.writeString(root.resolve("draft.txt"), "text");
        Files.writeString(root.resolve("taken.txt"), "taken");
        Files.createDirectories(root.resolve("docs"));

        ClientRun moved = client("mv", "draft.txt", "docs/final.txt");
        ClientRun refused = client("rename", "docs/final.txt", "taken.txt");

        assertThat(moved.out()).isEqualTo("'draft.txt' renamed to 'docs/final.txt'.\n");
        assertThat(root.resolve("docs/final.txt")).hasContent("text");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("Error: 'taken.txt' already exists\n");
        assertThat(root.resolve("taken.txt")).hasContent("taken");
    }

    @Test
    void aFolderDeleteAsksSayingHowManyFilesAndBytesGo() throws IOException {
        plant(root.resolve("photos"));

        ClientRun run = ClientRun.with(server.port(), "n\n", true, "delete", "photos");

        assertThat(run.err()).startsWith("Delete directory 'photos' and everything in it (4 files, 33 B)? [y/N] ");
        assertThat(root.resolve("photos/a.txt")).exists();
    }

    @Test
    void transfersBothWaysSayTheirDigestsWereVerified() throws IOException {
        Files.writeString(local.resolve("notes.txt"), "checked");
        plant(local.resolve("photos"));
        Path back = Files.createDirectories(temp.resolve("back"));

        ClientRun upFile = client("upload", local.resolve("notes.txt").toString());
        ClientRun upFolder = client("upload", local.resolve("photos").toString());
        ClientRun downFile = client("download", "notes.txt", back.toString());
        ClientRun downFolder = client("download", "photos", back.toString());

        assertThat(upFile.out()).startsWith("Uploaded 'notes.txt' ").endsWith(", SHA-256 verified by the server\n");
        assertThat(upFolder.out()).endsWith(", SHA-256 verified by the server\n");
        assertThat(downFile.out()).startsWith("Downloaded 'notes.txt' ").endsWith(", SHA-256 verified\n");
        assertThat(downFolder.out()).endsWith(", SHA-256 verified\n");
        assertThat(Trees.describe(back.resolve("photos"))).isEqualTo(Trees.describe(local.resolve("photos")));
    }

    @Test
    void aDownloadCutMidwayKeepsItsPartAndTheSameDownloadFetchesOnlyTheRest() throws Exception {
        Path original = bigFile(root.resolve("big.bin"));
        ClientRun cut;
        try (CuttingRelay relay = CuttingRelay.start(server.port(), Direction.TO_CLIENT, BIG / 2)) {
            cut = ClientRun.of(relay.port(), "download", "big.bin", local.toString());
        }

        assertThat(cut.exitCode()).as(cut.toString()).isEqualTo(3);
        assertThat(cut.err()).contains("received are kept: the same download resumes from there");
        assertThat(local.resolve("big.bin")).doesNotExist();
        long held = Files.size(local.resolve(".big.bin.fileserver-part"));
        assertThat(held).isBetween(BIG / 4L, BIG / 2L);

        ClientRun resumed;
        try (CuttingRelay counting = CuttingRelay.start(server.port(), Direction.TO_CLIENT, Long.MAX_VALUE)) {
            resumed = ClientRun.of(counting.port(), "download", "--resume", "big.bin", local.toString());
            assertThat(counting.bytesToClient()).isLessThan((long) (0.6 * BIG));
        }

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("resumed at ").endsWith(", SHA-256 verified\n");
        assertThat(Sha256.of(local.resolve("big.bin"))).isEqualTo(Sha256.of(original));
        assertThat(hiddenIn(local)).isEmpty();
    }

    @Test
    void aPartialOfAFileThatChangedOnTheServerIsDroppedAndTheDownloadStartsOver() throws Exception {
        bigFile(root.resolve("big.bin"));
        try (CuttingRelay relay = CuttingRelay.start(server.port(), Direction.TO_CLIENT, BIG / 2)) {
            ClientRun.of(relay.port(), "download", "big.bin", local.toString());
        }
        Files.writeString(root.resolve("big.bin"), "a new, short version");

        ClientRun again = client("download", "big.bin", local.toString());

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("started over: it changed on the server since the partial download");
        assertThat(local.resolve("big.bin")).hasContent("a new, short version");
        assertThat(hiddenIn(local)).isEmpty();
    }

    @Test
    void anUploadCutMidwayIsKeptByTheServerAndUploadResumeSendsOnlyTheRest() throws Exception {
        Path original = bigFile(local.resolve("big.bin"));
        ClientRun cut;
        try (CuttingRelay relay = CuttingRelay.start(server.port(), Direction.TO_SERVER, BIG / 2)) {
            cut = ClientRun.of(relay.port(), "upload", original.toString());
        }
        assertThat(cut.exitCode()).as(cut.toString()).isEqualTo(3);
        assertThat(cut.err()).contains("'upload --resume' with the same arguments sends only the rest");
        assertThat(client("ls").out()).isEmpty();

        ClientRun resumed;
        try (CuttingRelay counting = CuttingRelay.start(server.port(), Direction.TO_SERVER, Long.MAX_VALUE)) {
            resumed = ClientRun.of(counting.port(), "upload", "--resume", original.toString());
            assertThat(counting.bytesToServer()).isLessThan((long) (0.6 * BIG));
        }

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("resumed at ").endsWith(", SHA-256 verified by the server\n");
        assertThat(Sha256.of(root.resolve("big.bin"))).isEqualTo(Sha256.of(original));
    }

    private static Path bigFile(Path path) throws IOException {
        byte[] chunk = new byte[1024 * 1024];
        Random random = new Random(path.toString().hashCode());
        try (OutputStream out = Files.newOutputStream(path)) {
            for (int written = 0; written < BIG; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        return path;
    }

    private static java.util.List<String> hiddenIn(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.startsWith(".")).toList();
        }
    }

    /** A small tree with known sizes: 4 files, 33 bytes, a read-only file and an executable. */
    private static void plant(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("sub/deeper"));
        Files.writeString(folder.resolve("a.txt"), "alpha\n");
        Files.writeString(folder.resolve("sub/run.sh"), "#!/bin/sh\necho hi\n");
        PosixModes.apply(folder.resolve("sub/run.sh"), 0755);
        Files.writeString(folder.resolve("sub/deeper/read only.txt"), "keep\n");
        PosixModes.apply(folder.resolve("sub/deeper/read only.txt"), 0444);
        Files.write(folder.resolve("sub/deeper/bytes.bin"), new byte[] {0, 1, 2, (byte) 255});
        PosixModes.apply(folder.resolve("sub/deeper"), 0750);
    }
}
