package dev.fileserver.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fileserver.client.support.ClientRun;
import dev.fileserver.testsupport.Trees;
import dev.fileserver.wire.archive.PosixModes;

/**
 * The client as a script runs it, {@code java -jar shell-client.jar COMMAND ARGS}, against the
 * real server on an ephemeral port with a temporary root.
 */
class OneShotAgainstRealServerTest extends AgainstOneRealServer {

    @Test
    void lsPrintsTheNamesOfAServerFolderOnStdoutAndExitsZero() throws IOException {
        Files.createDirectories(root.resolve("docs/inner"));
        Files.writeString(root.resolve("docs/readme.txt"), "hi");

        ClientRun run = client("ls", "docs");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines()).containsExactlyInAnyOrder("inner", "readme.txt");
        assertThat(run.err()).isEmpty();
        assertThat(client("list", "docs").out()).isEqualTo(run.out());
    }

    @Test
    void helpAfterACommandWithFlagsPrintsItsUsageAndRunsNothing() throws IOException {
        Files.createDirectories(root.resolve("docs"));

        ClientRun run = client("ls", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("ls [-l] [PATH]: list the names").doesNotContain("docs");
    }

    @Test
    void aListingFarLargerThanARequestFrameArrivesWhole() throws IOException {
        Path big = Files.createDirectories(root.resolve("big"));
        for (int i = 0; i < 3000; i++) {
            Files.createFile(big.resolve(String.format("a-rather-long-file-name-to-fill-the-frame-%04d.txt", i)));
        }

        ClientRun run = client("ls", "big");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().length()).isGreaterThan(64 * 1024);
        assertThat(run.out().lines()).hasSize(3000);
    }

    @Test
    void treeDrawsTheFolderWithItsBaseNameFirst() throws IOException {
        Files.createDirectories(root.resolve("docs/inner"));
        Files.writeString(root.resolve("docs/inner/deep.txt"), "x");

        ClientRun run = client("tree", "docs");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("docs\n└── inner\n    └── deep.txt\n");
    }

    @Test
    void aMissingFolderIsOneErrorLineOnStderrAndAFailingExitCode() {
        ClientRun run = client("ls", "nowhere");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Error: 'nowhere' not found\n");
    }

    @Test
    void aPathOutsideTheRootIsRefusedByTheServerAndReportedAsSuch() {
        ClientRun run = client("ls", "../");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ").contains("permission");
    }

    @Test
    void aFileUploadedAndDownloadedAgainKeepsItsBytesAndPermissionBits() throws IOException {
        Path script = local.resolve("run me.sh");
        Files.writeString(script, "#!/bin/sh\necho hello\n");
        PosixModes.apply(script, 0750);
        Files.createDirectories(root.resolve("bin"));

        ClientRun upload = client("upload", script.toString(), "bin");
        Path back = Files.createDirectories(temp.resolve("back"));
        ClientRun download = client("download", "bin/run me.sh", back.toString());

        assertThat(upload.exitCode()).as(upload.toString()).isZero();
        assertThat(upload.out()).startsWith("Uploaded 'run me.sh' to 'bin': ");
        assertThat(download.exitCode()).as(download.toString()).isZero();
        assertThat(download.out()).startsWith("Downloaded 'run me.sh' to ");
        assertThat(Files.readString(back.resolve("run me.sh"))).isEqualTo("#!/bin/sh\necho hello\n");
        assertThat(PosixModes.read(back.resolve("run me.sh"), 0)).isEqualTo(0750);
        assertThat(Trees.children(back)).containsExactly("run me.sh");
    }

    @Test
    void aDirectoryRoundTripReproducesTheTreeByteForByteWithItsPermissionBits() throws IOException {
        Path photos = local.resolve("photos");
        Trees.plantSample(photos);

        ClientRun upload = client("upload", photos.toString());
        Path back = Files.createDirectories(temp.resolve("back"));
        ClientRun download = client("download", "photos", back.toString());

        assertThat(upload.exitCode()).as(upload.toString()).isZero();
        assertThat(download.exitCode()).as(download.toString()).isZero();
        assertThat(Trees.describe(root.resolve("photos"))).isEqualTo(Trees.describe(photos));
        assertThat(Trees.describe(back.resolve("photos"))).isEqualTo(Trees.describe(photos));
        assertThat(Trees.children(back)).containsExactly("photos");
    }

    @Test
    void deleteWithYesDeletesAFolderAndEverythingInIt() throws IOException {
        Trees.plantSample(root.resolve("photos"));

        ClientRun run = client("delete", "--yes", "photos");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("'photos' deleted successfully.\n");
        assertThat(root.resolve("photos")).doesNotExist();
    }

    @Test
    void deleteWithoutYesAndWithoutATerminalIsRefusedAndDeletesNothing() throws IOException {
        Files.writeString(root.resolve("keep.txt"), "x");

        ClientRun run = client("delete", "keep.txt");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Delete file 'keep.txt'?").contains("--yes");
        assertThat(root.resolve("keep.txt")).exists();
        // the refusal went to the server: the same connection still answers
        assertThat(client("ls").out()).isEqualTo("keep.txt\n");
    }

    @Test
    void deleteAsksAtATerminalAndProceedsOnYes() throws IOException {
        Trees.plantSample(root.resolve("photos"));

        ClientRun run = ClientRun.with(server.port(), "yes\n", true, "delete", "photos");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEqualTo("Delete directory 'photos' and everything in it (5 files, 293.0 KiB)? [y/N] ");
        assertThat(root.resolve("photos")).doesNotExist();
    }

    @Test
    void deleteAnsweredWithAnythingButYesIsCancelledAndDeletesNothing() throws IOException {
        Map<String, String> before = Trees.describe(Trees.plantSample(root.resolve("photos")));

        ClientRun run = ClientRun.with(server.port(), "sure\n", true, "rm", "photos");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Delete cancelled");
        assertThat(Trees.describe(root.resolve("photos"))).isEqualTo(before);
    }

    @Test
    void downloadOverAnExistingFileAsksAndKeepsItWhenRefused() throws IOException {
        Files.writeString(root.resolve("a.txt"), "new");
        Files.writeString(local.resolve("a.txt"), "old");

        ClientRun refused = ClientRun.with(server.port(), "n\n", true, "download", "a.txt", local.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("Overwrite local file '" + local.resolve("a.txt") + "'? [y/N] ");
        assertThat(Files.readString(local.resolve("a.txt"))).isEqualTo("old");
        assertThat(Trees.children(local)).containsExactly("a.txt");
    }

    @Test
    void downloadOverAnExistingFolderReplacesItWhenConfirmed() throws IOException {
        Trees.plantSample(root.resolve("photos"));
        Files.createDirectories(local.resolve("photos"));
        Files.writeString(local.resolve("photos/stale.txt"), "stale");

        ClientRun run = client("download", "-y", "photos", local.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Trees.describe(local.resolve("photos"))).isEqualTo(Trees.describe(root.resolve("photos")));
        assertThat(Trees.children(local)).containsExactly("photos");
    }

    @Test
    void downloadWithoutYesOverAnExistingFileAndWithoutATerminalIsRefused() throws IOException {
        Files.writeString(root.resolve("a.txt"), "new");
        Files.writeString(local.resolve("a.txt"), "old");

        ClientRun run = client("download", "a.txt", local.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--yes");
        assertThat(Files.readString(local.resolve("a.txt"))).isEqualTo("old");
    }

    @Test
    void uploadOfAMissingLocalFileFailsWithoutSendingAnything() {
        ClientRun run = client("upload", local.resolve("ghost.txt").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: local file '" + local.resolve("ghost.txt") + "' not found\n");
    }

    @Test
    void uploadIntoAMissingServerFolderReportsTheServersError() throws IOException {
        Files.writeString(local.resolve("a.txt"), "x");

        ClientRun run = client("upload", local.resolve("a.txt").toString(), "missing");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ").contains("missing");
        assertThat(Trees.children(root)).isEmpty();
    }

    @Test
    void aRefusedConnectionIsOneClearLineAndExitCodeThree() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ClientRun run = ClientRun.of(closedPort, "ls");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("Error: cannot connect to 127.0.0.1:" + closedPort + ": connection refused\n");
    }

    @Test
    void aSettingThatCannotBeReadIsOneLineNamingItAndItsValue() {
        ClientRun run = ClientRun.exactly("", false, "--fileserver.port=", "ls");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Error: the client could not start: the setting fileserver.port cannot be \"\"")
                .hasLineCount(1);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        ClientRun run = client("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command 'frobnicate'");
    }

    @Test
    void aBatchFromStandardInputRunsInOrderAndStopsAtTheFirstFailure() throws IOException {
        Files.createDirectories(root.resolve("my docs"));
        Files.writeString(local.resolve("a b.txt"), "spaces");
        String batch = """
                # comments and blank lines are skipped

                upload "%s" "my docs"
                ls 'my docs'
                ls nowhere
                delete -y "my docs"
                """.formatted(local.resolve("a b.txt"));

        ClientRun run = ClientRun.with(server.port(), batch, false);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Uploaded 'a b.txt'").contains("a b.txt\n");
        assertThat(run.err()).contains("Error: 'nowhere' not found").contains("Stopped at line 5");
        assertThat(root.resolve("my docs/a b.txt")).hasContent("spaces");
    }

    @Test
    void aBatchFileRunsEveryCommandAndExitsZero() throws IOException {
        Files.createDirectories(root.resolve("old"));
        Path batch = local.resolve("commands.txt");
        Files.writeString(batch, "delete --yes old\nls\n");

        ClientRun run = client("-b", batch.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("'old' deleted successfully.\n\n".replace("\n\n", "\n"));
        assertThat(root.resolve("old")).doesNotExist();
    }

    @Test
    void aUserGivenToAServerWithoutAccountsIsRefusedRatherThanIgnored() throws IOException {
        Files.writeString(root.resolve("shared.txt"), "x");

        ClientRun run = client("--fileserver.user=alice", "--fileserver.password=secret", "ls");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("has no accounts").contains("'alice'");
        assertThat(run.out()).doesNotContain("shared.txt");
    }

    @Test
    void whoamiOnAServerWithoutAccountsSaysAnonymousAndPlaintext() {
        ClientRun run = client("whoami");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().strip()).isEqualTo("anonymous on 127.0.0.1:" + server.port()
                + ", not encrypted (plaintext) (the server has no accounts)");
    }
}
