package dev.fileserver.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.fileserver.server.startup.StartupTest.startupFailure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;

/** Where the TLS listener's certificate comes from, and what start-up refuses. */
class TlsStartupTest {

    @TempDir
    Path temp;

    @Test
    void theCertificateMadeOnFirstStartIsKeptPrivateAndPresentedAgainAfterARestart() throws Exception {
        Path root = temp.resolve("root");
        Path state = temp.resolve("state");
        X509Certificate first;
        try (RunningServer server = startTls(root, state)) {
            first = TlsClients.certificateIn(state);
            try (V1Client client = TlsClients.accepted(TlsClients.tlsPort(server), first)) {
                assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("tls/server.key"))))
                .isEqualTo("rw-------");
        try (RunningServer server = startTls(root, state)) {
            assertThat(TlsClients.certificateIn(state)).isEqualTo(first);
            // the client pinned the first one; the restarted server must present the very same
            try (V1Client client = TlsClients.accepted(TlsClients.tlsPort(server), first)) {
                assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "");
            }
        }
    }

    @Test
    void aCertificateFromANamedSslBundleIsPresentedInsteadOfTheServersOwn() throws Exception {
        // a key and certificate made elsewhere, as an operator's would be
        Path issued = temp.resolve("issued");
        SelfSignedCertificate.loadOrCreate(issued);
        X509Certificate certificate = TlsClients.certificateAt(issued.resolve(SelfSignedCertificate.CERTIFICATE_FILE));
        Path state = temp.resolve("state");
        try (RunningServer server = RunningServer.start(temp.resolve("root"), "--fileserver.tls.enabled=true",
                "--fileserver.tls.port=0", "--fileserver.state-dir=" + state, "--fileserver.tls.bundle=operator",
                "--spring.ssl.bundle.pem.operator.keystore.certificate=file:" + issued.resolve("server.crt"),
                "--spring.ssl.bundle.pem.operator.keystore.private-key=file:" + issued.resolve("server.key"));
                V1Client client = TlsClients.accepted(TlsClients.tlsPort(server), certificate)) {
            assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "");
            assertThat(state.resolve("tls")).doesNotExist();
        }
    }

    @Test
    void aStateFolderInsideTheServedRootIsRefused() {
        Path root = temp.resolve("root");
        assertThat(startupFailure(() -> startTls(root, root.resolve("state"))))
                .hasMessageContaining("fileserver.state-dir").hasMessageContaining("inside the served root");
    }

    @Test
    void thePlaintextListenerMayNotFaceTheNetworkBesideTlsUnlessAllowed() throws IOException {
        Path root = temp.resolve("root");
        Path state = temp.resolve("state");
        assertThat(startupFailure(() -> RunningServer.start(root, "--fileserver.tls.enabled=true",
                "--fileserver.tls.port=0", "--fileserver.state-dir=" + state, "--fileserver.bind-address=0.0.0.0")))
                .hasMessageStartingWith("fileserver.bind-address: the plaintext listener may not listen on 0.0.0.0");
        try (RunningServer server = RunningServer.start(root, "--fileserver.tls.enabled=true",
                "--fileserver.tls.port=0", "--fileserver.state-dir=" + state, "--fileserver.bind-address=0.0.0.0",
                "--fileserver.plaintext.allow-remote=true")) {
            assertThat(server.port()).isPositive();
        }
    }

    @Test
    void aTakenTlsPortStopsStartUpNamingItsProperty() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThat(startupFailure(() -> RunningServer.start(temp.resolve("root"), "--fileserver.tls.enabled=true",
                    "--fileserver.tls.port=" + port, "--fileserver.state-dir=" + temp.resolve("state"))))
                    .hasMessageStartingWith("fileserver.tls.port: cannot listen on 127.0.0.1:" + port);
        }
    }

    private static RunningServer startTls(Path root, Path state) {
        return RunningServer.start(root, "--fileserver.tls.enabled=true", "--fileserver.tls.port=0",
                "--fileserver.state-dir=" + state);
    }
}
