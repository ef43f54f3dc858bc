package dev.fileserver.server.tls;

import static dev.fileserver.server.auth.UsersFixture.logIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.auth.UsersFixture;
import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;

/** Logins are required on every listener, and {@code /whoami} tells a TLS connection from a plaintext one. */
class TlsLoginTest {

    @TempDir
    static Path temp;

    static RunningServer server;

    static X509Certificate certificate;

    @BeforeAll
    static void startServer() throws Exception {
        UsersFixture users = new UsersFixture(temp.resolve("users.yml")).add("alice", "correct horse", null, true);
        Path state = temp.resolve("state");
        server = RunningServer.start(Files.createDirectories(temp.resolve("root")), "--fileserver.tls.enabled=true",
                "--fileserver.tls.port=0", "--fileserver.state-dir=" + state,
                "--fileserver.auth.users-file=" + users.file(), "--fileserver.auth.required=true");
        certificate = TlsClients.certificateIn(state);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aTlsConnectionMustLogInTooAndIsNamedTls() throws Exception {
        try (V1Client client = TlsClients.accepted(TlsClients.tlsPort(server), certificate)) {
            assertThat(client.request("/list", 1)).containsExactly("Error: log in first: this server requires /login");
            assertThat(client.request("/whoami", 1)).containsExactly("whoami - read-write tls");
            assertThat(logIn(client, "alice", "correct horse")).isEqualTo("welcome alice read-only");
            assertThat(client.request("/whoami", 1)).containsExactly("whoami alice read-only tls");
        }
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/list", 1)).containsExactly("Error: log in first: this server requires /login");
            assertThat(logIn(client, "alice", "correct horse")).isEqualTo("welcome alice read-only");
            assertThat(client.request("/whoami", 1)).containsExactly("whoami alice read-only plaintext");
        }
    }
}
