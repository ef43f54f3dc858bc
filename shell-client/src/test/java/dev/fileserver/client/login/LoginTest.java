package dev.fileserver.client.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.client.support.ClientRun;
import dev.fileserver.testsupport.ServerLauncher;
import dev.fileserver.testsupport.ServerProcess;

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
        userCommand(users, ALICE_PASSWORD + "\n", "add", "alice");
        userCommand(users, BOB_PASSWORD + "\n", "add", "bob", "--read-only");
        Matcher token = Pattern.compile("fst_[0-9a-f]{8}_[A-Za-z0-9_-]+")
                .matcher(userCommand(users, "", "token", "add", "alice", "--label", "backups"));
        assertThat(token.find()).as("a token printed by 'user token add'").isTrue();
        aliceToken = token.group();
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

    /** Runs the server jar's own account command, as an operator would, and returns what it printed. */
    private static String userCommand(Path users, String stdin, String... words) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toString(), "user"));
        command.addAll(List.of(words));
        command.add("--fileserver.auth.users-file=" + users);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
