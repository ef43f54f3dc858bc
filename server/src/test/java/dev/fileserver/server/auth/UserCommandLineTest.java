package dev.fileserver.server.auth;

import static dev.fileserver.server.auth.UsersFixture.logIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;

/**
 * {@code user add/remove/list/token} end to end: the real command line, the password on stdin, the
 * users file found through Boot's environment as the server finds it, and the accounts it writes
 * logging in (or no longer) on a running server, which reads the file again without a restart.
 */
class UserCommandLineTest {

    @TempDir
    static Path temp;

    static Path usersFile;

    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        usersFile = temp.resolve("etc/users.yml");
        server = RunningServer.start(Files.createDirectory(temp.resolve("root")),
                "--fileserver.auth.users-file=" + usersFile, "--fileserver.auth.failure-delay=1ms",
                "--fileserver.auth.max-failure-delay=1ms", "--fileserver.auth.lock-after=1000");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAccountAddedOnTheCommandLineLogsInAndOneRemovedNoLonger() throws IOException {
        assertThat(user("hunter2\n", "add", "dave")).isEqualTo(new Result(0, "added dave (read-write, home dave under"
                + " the served root) in " + usersFile + "\n", ""));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(usersFile))).isEqualTo("rw-------");
        assertThat(Files.readString(usersFile)).contains("dave:", "{argon2@SpringSecurity_v5_8}$argon2id$")
                .doesNotContain("hunter2");
        assertThat(loginAs("dave", "hunter2")).isEqualTo("welcome dave read-write");

        assertThat(user("changed\n", "add", "dave", "--read-only", "--home", "shared").exit()).isZero();
        assertThat(user("", "list").out()).contains("dave read-only home=shared tokens=0\n");
        assertThat(loginAs("dave", "hunter2")).isEqualTo("Error: login failed");
        assertThat(loginAs("dave", "changed")).isEqualTo("welcome dave read-only");
        assertThat(server.root().resolve("shared")).isDirectory();

        assertThat(user("", "remove", "dave").exit()).isZero();
        assertThat(loginAs("dave", "changed")).isEqualTo("Error: login failed");
        assertThat(user("", "remove", "dave")).extracting(Result::exit).isEqualTo(1);
    }

    @Test
    void aTokenIsPrintedOnceLogsInAndIsRevokedById() throws IOException {
        assertThat(user("s3cret\n", "add", "erin").exit()).isZero();
        Result added = user("", "token", "add", "erin", "--label", "backup job");
        assertThat(added.exit()).isZero();
        String token = added.out().trim();
        assertThat(token).matches("fst_[0-9a-f]{8}_[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(usersFile)).doesNotContain(token);
        String id = token.substring(4, 12);
        assertThat(user("", "token", "list", "erin").out()).startsWith(id + " ").endsWith(" backup job\n");
        assertThat(loginAs("erin", token)).isEqualTo("welcome erin read-write");

        assertThat(user("", "token", "remove", "erin", id).exit()).isZero();
        assertThat(loginAs("erin", token)).isEqualTo("Error: login failed");
        assertThat(user("", "token", "remove", "erin", id).exit()).isEqualTo(1);
        assertThat(loginAs("erin", "s3cret")).as("the password still works").isEqualTo("welcome erin read-write");
    }

    @Test
    void mistakesAreRefusedWithTheirExitCodes() throws IOException {
        assertThat(user("", "frobnicate").exit()).isEqualTo(2);
        assertThat(user("", "add").exit()).isEqualTo(2);
        assertThat(user("", "add", "x", "--colour").exit()).isEqualTo(2);
        Result badName = user("pw\n", "add", "-rf");
        assertThat(badName.exit()).isEqualTo(2);
        Result dotName = user("pw\n", "add", ".hidden");
        assertThat(dotName.exit()).isEqualTo(1);
        assertThat(dotName.err()).contains("'.hidden' is not an account name");
        assertThat(user("", "add", "frank").err()).contains("no password given");
        assertThat(user("", "token", "add", "nobody").exit()).isEqualTo(1);
        assertThat(new UserCommandLine(new ByteArrayInputStream(new byte[0]), quiet(), quiet(), null,
                UsersFileLocation::find).execute("user", "list")).as("no users file configured").isEqualTo(1);
    }

    @Test
    void theUsersFileIsFoundInTheSameConfigurationFilesAsTheServers() throws IOException {
        Path config = Files.createDirectories(temp.resolve("config"));
        Path elsewhere = temp.resolve("elsewhere/users.yml");
        Files.writeString(config.resolve("application-accounts.yml"), "fileserver.auth.users-file: " + elsewhere + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new UserCommandLine(new ByteArrayInputStream("pw\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), quiet(), null, UsersFileLocation::find)
                .execute("user", "add", "grace", "--spring.config.additional-location=file:" + config + "/",
                        "--spring.profiles.active=accounts");
        assertThat(exit).isZero();
        assertThat(Files.readString(elsewhere)).contains("grace:");
    }

    private static String loginAs(String name, String secret) throws IOException {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            return logIn(client, name, secret);
        }
    }

    private static Result user(String stdin, String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("user"));
        args.addAll(List.of(words));
        args.add("--fileserver.auth.users-file=" + usersFile);
        int exit = new UserCommandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                null, UsersFileLocation::find).execute(args.toArray(String[]::new));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    record Result(int exit, String out, String err) {
    }
}
