package dev.fileserver.client.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.client.support.ClientRun;
import dev.fileserver.testsupport.ServerLauncher;
import dev.fileserver.testsupport.ServerProcess;
import dev.fileserver.testsupport.UserCommand;

/**
 * The client logging in to the real server, which requires a login on both listeners: accounts
 * made with the server's own {@code user} command, the secret given as a script gives it, as a
 * token, or typed at a terminal, and {@code whoami} over TLS.
 */
class LoginTest {

    static final Path JAR = Path.of(System.getProperty("fileserver.server.jar", "../server/target/server.jar"));

    static final String ALICE_PASSWORD = "correct horse battery staple";

    static final String BOB_PASSWORD = "bob's own secret";

    @TempDir
    static Path shared;

    static Path root;

    static ServerProcess server;

    static String aliceToken;

    @TempDir
    Path temp;

    @BeforeAll
    static void startServerWithTwoAccounts() throws Exception {
        root = Files.createDirectories(shared.resolve("root"));
        Path users = shared.resolve("users.yml");
        UserCommand.run(JAR, users, ALICE_PASSWORD + "\n", "add", "alice");
        UserCommand.run(JAR, users, BOB_PASSWORD + "\n", "add", "bob", "--read-only");
        aliceToken = UserCommand.addToken(JAR, users, "alice");
        server = ServerLauncher.fromJar(JAR).withJvmOptions(List.of("-Xmx256m")).startingQuickly().start(root,
                "--fileserver.auth.users-file=" + users, "--fileserver.auth.required=true",
                "--fileserver.tls.enabled=true", "--fileserver.tls.port=0",
                "--fileserver.state-dir=" + shared.resolve("state"));
        Files.createDirectories(root.resolve("alice"));
        Files.writeString(root.resolve("alice/notes.txt"), "alice's notes");
        Files.createDirectories(root.resolve("bob"));
        Files.writeString(root.resolve("bob/plans.txt"), "bob's plans");
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        server.close();
    }

    @Test
    void aScriptLogsInWithThePasswordFromItsSettingsAndSeesItsOwnHome() {
        ClientRun run = ClientRun.of(server.tcpPort(), "--fileserver.user=alice",
                "--fileserver.password=" + ALICE_PASSWORD, "ls");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("notes.txt").doesNotContain("plans.txt").doesNotContain("alice");
    }

    @Test
    void aTokenLogsInInsteadOfThePassword() {
        ClientRun run = ClientRun.of(server.tcpPort(), "--fileserver.user=alice", "--fileserver.token=" + aliceToken,
                "ls");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("notes.txt");
    }

    @Test
    void atATerminalThePasswordIsAskedForAsSshAsksForIt() {
        ClientRun run = ClientRun.with(server.tcpPort(), ALICE_PASSWORD + "\n", true, "--fileserver.user=alice", "ls");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("alice@127.0.0.1:" + server.tcpPort() + "'s password: ");
        assertThat(run.out()).contains("notes.txt");
    }

    @Test
    void withNoTerminalAndNoSecretTheLoginIsRefusedSayingHowToGiveOne() {
        ClientRun run = ClientRun.of(server.tcpPort(), "--fileserver.user=alice", "ls");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("FILESERVER_PASSWORD").contains("FILESERVER_TOKEN");
    }

    @Test
    void aWrongPasswordIsRefusedWithTheServersAnswerAndExitCodeOne() {
        ClientRun run = ClientRun.of(server.tcpPort(), "--fileserver.user=alice", "--fileserver.password=guess", "ls");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("Error: login failed");
        assertThat(run.out()).doesNotContain("notes.txt");
    }

    @Test
    void withoutAUserTheClientSaysTheServerRequiresALoginInsteadOfFailingEachCommand() {
        ClientRun run = ClientRun.of(server.tcpPort(), "ls");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("requires a login").contains("--fileserver.user");
    }

    @Test
    void whoamiOverTlsNamesTheAccountItsAccessAndTheEncryption() {
        ClientRun run = ClientRun.of(server.tlsPort(), "--fileserver.tls=true", "--fileserver.accept-new=true",
                "--fileserver.known-hosts=" + temp.resolve("known_hosts"), "--fileserver.user=bob",
                "--fileserver.password=" + BOB_PASSWORD, "whoami");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().strip()).isEqualTo("bob (read-only) on 127.0.0.1:" + server.tlsPort() + ", encrypted (TLS)");
    }

    @Test
    void aReadOnlyAccountCanDownloadButNotUpload() throws IOException {
        Path local = Files.writeString(temp.resolve("new.txt"), "new");
        ClientRun upload = ClientRun.of(server.tcpPort(), "--fileserver.user=bob",
                "--fileserver.password=" + BOB_PASSWORD, "upload", local.toString());
        ClientRun download = ClientRun.of(server.tcpPort(), "--fileserver.user=bob",
                "--fileserver.password=" + BOB_PASSWORD, "download", "plans.txt", temp.toString());

        assertThat(upload.exitCode()).as(upload.toString()).isEqualTo(1);
        assertThat(upload.err()).contains("permission");
        assertThat(root.resolve("bob/new.txt")).doesNotExist();
        assertThat(download.exitCode()).as(download.toString()).isZero();
        assertThat(temp.resolve("plans.txt")).hasContent("bob's plans");
    }
}
