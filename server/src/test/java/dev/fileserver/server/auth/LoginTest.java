package dev.fileserver.server.auth;

import static dev.fileserver.server.auth.UsersFixture.logIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.Await;
import dev.fileserver.testsupport.V1Client;

/**
 * The login extension over a real socket: {@code /login NAME}, {@code password}, the secret, then
 * {@code welcome} or one error frame, the same for a wrong password, an unknown account and a
 * revoked token.
 */
class LoginTest {

    @TempDir
    static Path temp;

    static UsersFixture users;

    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        users = new UsersFixture(temp.resolve("etc/users.yml"))
                .add("alice", "correct horse", null, false)
                .add("bob", "battery staple", null, true);
        server = RunningServer.start(Files.createDirectory(temp.resolve("root")),
                "--fileserver.auth.users-file=" + users.file(), "--fileserver.auth.failure-delay=1ms",
                "--fileserver.auth.max-failure-delay=5ms", "--fileserver.auth.lock-after=1000",
                "--fileserver.max-clients=20", "--fileserver.max-clients-per-account=2");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theServerOffersLoginButDoesNotRequireIt() throws IOException {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/capabilities", 1).get(0)).endsWith(" login")
                    .doesNotContain("login-required");
            assertThat(client.request("/list", 3)).startsWith("ok", "ok");
        }
    }

    @Test
    void aRightPasswordIsWelcomedWithTheAccessAndWhoamiNamesTheAccount() throws IOException {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/whoami", 1)).containsExactly("whoami - read-write plaintext");
            assertThat(client.request("/login alice", 1)).containsExactly("password");
            assertThat(client.request("correct horse", 1)).containsExactly("welcome alice read-write");
            assertThat(client.request("/whoami", 1)).containsExactly("whoami alice read-write plaintext");
        }
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(logIn(client, "bob", "battery staple")).isEqualTo("welcome bob read-only");
            assertThat(client.request("/whoami", 1)).containsExactly("whoami bob read-only plaintext");
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameAnswerForTheSameWork() throws IOException {
        PasswordHashes hashes = server.context().getBean(PasswordHashes.class);
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            long before = hashes.verifications();
            assertThat(logIn(client, "alice", "wrong")).isEqualTo("Error: login failed");
            long forWrongPassword = hashes.verifications() - before;

            before = hashes.verifications();
            assertThat(logIn(client, "nobody", "wrong")).isEqualTo("Error: login failed");
            long forUnknownAccount = hashes.verifications() - before;

            before = hashes.verifications();
            assertThat(logIn(client, "../../etc/passwd", "wrong")).isEqualTo("Error: login failed");
            long forImpossibleName = hashes.verifications() - before;

            assertThat(forWrongPassword).isEqualTo(1);
            assertThat(forUnknownAccount).isEqualTo(forWrongPassword);
            assertThat(forImpossibleName).isEqualTo(forWrongPassword);
            // the connection stays in step and is still not logged in
            assertThat(client.request("/whoami", 1)).containsExactly("whoami - read-write plaintext");
        }
    }

    @Test
    void anApiTokenLogsInUntilItIsRevokedWithoutARestart() throws IOException {
        String token = users.addToken("alice");
        assertThat(token).matches("fst_[0-9a-f]{8}_[A-Za-z0-9_-]{32,}");
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(logIn(client, "alice", token)).isEqualTo("welcome alice read-write");
        }
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(logIn(client, "bob", token)).as("another account's token").isEqualTo("Error: login failed");
        }
        users.removeTokens("alice");
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(logIn(client, "alice", token)).isEqualTo("Error: login failed");
        }
    }

    @Test
    void loginWithoutANameOrASecondLoginAsksNothing() throws IOException {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/login", 1)).containsExactly("Error: usage: /login NAME");
            assertThat(logIn(client, "alice", "correct horse")).isEqualTo("welcome alice read-write");
            assertThat(client.request("/login bob", 1)).containsExactly("Error: already logged in as alice");
            assertThat(client.request("/whoami", 1)).containsExactly("whoami alice read-write plaintext");
        }
    }

    @Test
    void anAccountOverItsConnectionCapIsToldSoAndDisconnected() throws Exception {
        try (V1Client first = V1Client.connectAccepted(server.port());
                V1Client second = V1Client.connectAccepted(server.port());
                V1Client third = V1Client.connectAccepted(server.port())) {
            assertThat(logIn(first, "alice", "correct horse")).isEqualTo("welcome alice read-write");
            assertThat(logIn(second, "alice", "correct horse")).isEqualTo("welcome alice read-write");
            assertThat(logIn(third, "alice", "correct horse")).isEqualTo("Error: too many connections for alice");
            assertThat(third.drainsToEndOfStream()).isTrue();
        }
        // the account's connections are counted off as they end
        Await.until("alice may log in twice again", () -> {
            try (V1Client one = V1Client.connectAccepted(server.port());
                    V1Client two = V1Client.connectAccepted(server.port())) {
                return logIn(one, "alice", "correct horse").startsWith("welcome")
                        && logIn(two, "alice", "correct horse").startsWith("welcome");
            }
        });
    }

    @Test
    void everyLoginIsCountedByOutcome() throws IOException {
        MeterRegistry meters = server.context().getBean(MeterRegistry.class);
        double successes = meters.counter("fileserver.logins", "outcome", "success").count();
        double failures = meters.counter("fileserver.logins", "outcome", "failure").count();
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            logIn(client, "alice", "nope");
            logIn(client, "alice", "correct horse");
        }
        assertThat(meters.counter("fileserver.logins", "outcome", "success").count()).isEqualTo(successes + 1);
        assertThat(meters.counter("fileserver.logins", "outcome", "failure").count()).isEqualTo(failures + 1);
    }
}
