package dev.fileserver.server.auth;

import static dev.fileserver.server.auth.UsersFixture.logIn;
import static dev.fileserver.server.startup.StartupTest.startupFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;

/**
 * With {@code fileserver.auth.required}, a connection is served nothing but {@code /capabilities},
 * {@code /login}, {@code /whoami} and {@code /exit} until it logs in: every other request gets one
 * error frame where a v1 server puts its path check.
 */
class AuthRequiredTest {

    static final String LOG_IN_FIRST = "Error: log in first: this server requires /login";

    @TempDir
    static Path temp;

    static UsersFixture users;

    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        users = new UsersFixture(temp.resolve("users.yml")).add("alice", "correct horse", null, false);
        server = RunningServer.start(Files.createDirectory(temp.resolve("root")),
                "--fileserver.auth.users-file=" + users.file(), "--fileserver.auth.required=true");
        Files.writeString(Files.createDirectory(server.root().resolve("alice")).resolve("hers.txt"), "hers");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/list", "/ls alice", "/tree", "/download alice/hers.txt", "/delete alice",
            "/upload", "/mkdir x", "/rename alice", "/stat", "/list-long", "/tree-long", "missarg", "/nonsense" })
    void everyOtherRequestIsRefusedWithOneFrameBeforeTheLogin(String request) throws IOException {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request(request, 1)).containsExactly(LOG_IN_FIRST);
            // nothing else was sent: the next answer is the next request's
            assertThat(client.request("/whoami", 1)).containsExactly("whoami - read-write plaintext");
        }
        assertThat(server.root().resolve("alice/hers.txt")).hasContent("hers");
        assertThat(server.root().resolve("x")).doesNotExist();
    }

    @Test
    void theFourCommandsAnswerAndALoginOpensTheRest() throws IOException {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/capabilities", 1).get(0)).endsWith(" login login-required");
            assertThat(client.request("/whoami", 1)).containsExactly("whoami - read-write plaintext");
            assertThat(client.request("/exit", 1)).containsExactly("ok");
            client.send("n");
            assertThat(logIn(client, "alice", "correct horse")).isEqualTo("welcome alice read-write");
            assertThat(client.list("")).isEqualTo("hers.txt\n");
        }
    }

    @Test
    void theLoginGraceTimeRunsUntilTheLoginNotTheFirstRequest(@TempDir Path otherRoot) throws Exception {
        try (RunningServer oneSlot = RunningServer.start(otherRoot, "--fileserver.auth.users-file=" + users.file(),
                "--fileserver.auth.required=true", "--fileserver.max-clients=1", "--fileserver.login-grace-time=200ms");
                V1Client asking = V1Client.connectAccepted(oneSlot.port())) {
            assertThat(asking.request("/capabilities", 1).get(0)).contains("login-required");
            try (V1Client newcomer = V1Client.awaitAccepted(oneSlot.port())) {
                assertThat(asking.drainsToEndOfStream()).as("the connection that never logged in gave its slot up")
                        .isTrue();
                assertThat(logIn(newcomer, "alice", "correct horse")).isEqualTo("welcome alice read-write");
            }
        }
    }

    @Test
    void requiredLoginsWithoutAUsersFileStopStartUpWithOneLine(@TempDir Path otherRoot) {
        assertThat(startupFailure(() -> RunningServer.start(otherRoot, "--fileserver.auth.required=true")))
                .hasMessage("fileserver.auth.required is true but fileserver.auth.users-file is not set:"
                        + " nobody could log in");
    }

    @Test
    void requiredLoginsKeepThePlaintextListenerOnLoopbackUnlessAllowed(@TempDir Path otherRoot) {
        assertThat(startupFailure(() -> RunningServer.start(otherRoot, "--fileserver.auth.users-file=" + users.file(),
                "--fileserver.auth.required=true", "--fileserver.bind-address=0.0.0.0")))
                .hasMessageStartingWith("fileserver.bind-address: the plaintext listener may not listen on 0.0.0.0"
                        + " while logins are required");
    }
}
