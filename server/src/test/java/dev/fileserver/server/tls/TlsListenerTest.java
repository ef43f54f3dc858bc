package dev.fileserver.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.wire.FileHeader;

/**
 * The TLS listener, over real sockets and real handshakes: the v1 conversation inside TLS 1.3, a
 * gibibyte both ways byte for byte, plaintext and silent clients turned away within the handshake
 * timeout without taking a client slot.
 */
class TlsListenerTest {

    static final long GIBIBYTE = 1L << 30;

    @TempDir
    static Path temp;

    static RunningServer server;

    static X509Certificate certificate;

    static int tlsPort;

    @BeforeAll
    static void startServer() throws Exception {
        Path root = Files.createDirectories(temp.resolve("root"));
        Path state = temp.resolve("state");
        // channels on for the plain listener: the TLS one must still go by streams
        server = RunningServer.start(root, "--fileserver.plain-transfers=sendfile", "--fileserver.tls.enabled=true",
                "--fileserver.tls.port=0",
                "--fileserver.state-dir=" + state, "--fileserver.tls.handshake-timeout=1s",
                "--fileserver.max-clients=2", "--management.endpoint.health.show-details=always");
        certificate = TlsClients.certificateIn(state);
        tlsPort = TlsClients.tlsPort(server);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aClientThatTrustsTheCertificateHoldsTheV1ConversationInsideTls13() throws Exception {
        Files.writeString(server.root().resolve("hello.txt"), "hello");
        try (V1Client client = TlsClients.accepted(tlsPort, certificate)) {
            assertThat(((SSLSocket) client.socket()).getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(client.request("/list", 3)).containsExactly("ok", "ok", "hello.txt\n");
        }
        finally {
            Files.delete(server.root().resolve("hello.txt"));
        }
    }

    @Test
    void aGibibyteGoesUpAndComesBackByteForByte() throws Exception {
        String sent;
        try (V1Client client = TlsClients.accepted(tlsPort, certificate)) {
            assertThat(client.request("/upload", 2)).containsExactly("ok", "dir");
            client.send("y");
            MessageDigest digest = sha256();
            client.sendFile(FileHeader.ofFile("big.bin", 0644, GIBIBYTE).withAck(),
                    new java.security.DigestInputStream(new PatternStream(GIBIBYTE), digest));
            assertThat(client.receive()).isEqualTo("ok");
            sent = HexFormat.of().formatHex(digest.digest());

            assertThat(client.request("/download big.bin", 2)).containsExactly("ok", "file");
            client.send("y");
            FileHeader header = client.receiveFileHeader();
            assertThat(header.fileLen()).isEqualTo(GIBIBYTE);
            MessageDigest received = sha256();
            client.receiveContent(header, new DigestOutputStream(OutputStream.nullOutputStream(), received));
            assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(sent);
            // an SSL socket has no channel: every byte went through the TLS engine
            assertThat(server.bytesByChannel("upload") + server.bytesByChannel("download")).isZero();
        }
        finally {
            Files.deleteIfExists(server.root().resolve("big.bin"));
        }
    }

    @Test
    void plaintextSpokenToTheTlsPortNeverGetsTheGreetingAndIsClosed() throws IOException {
        try (Socket plain = new Socket("127.0.0.1", tlsPort)) {
            plain.setSoTimeout(10_000);
            plain.getOutputStream().write(V1Client.lengthPrefixed("/list"));
            plain.getOutputStream().flush();
            byte[] answer = plain.getInputStream().readAllBytes();
            assertThat(new String(answer, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain("Connection accepted").doesNotContain("ok");
        }
    }

    @Test
    void clientsThatNeverHandshakeAreClosedWithinTheTimeoutAndTakeNoSlot() throws Exception {
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = new Socket("127.0.0.1", tlsPort);
                socket.setSoTimeout(10_000);
                silent.add(socket);
            }
            // three silent connections and max-clients 2: a real client is still let in at once
            try (V1Client client = TlsClients.accepted(tlsPort, certificate)) {
                assertThat(client.request("/list", 2)).startsWith("ok", "ok");
            }
            long started = System.nanoTime();
            for (Socket socket : silent) {
                // at most a TLS alert, then the end of the stream: never a greeting
                assertThat(new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain("Connection");
            }
            // handshake timeout 1 s; generous for a busy machine, far below the 5-minute idle timeout
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(8_000);
        }
        finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
    }

    @Test
    void healthShowsTheTlsListenerWithItsCertificateExpiry() {
        RunningServer.HttpResult health = server.get("/actuator/health/tlsListener");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("notAfter")
                .contains(ServerIdentity.fingerprint(certificate)).contains("TLSv1.3");
    }

    @Test
    void thePlaintextListenerStillServesTheV1ClientOnLoopback() throws IOException {
        try (V1Client client = V1Client.connectAccepted(server.port())) {
            assertThat(client.request("/list", 2)).startsWith("ok", "ok");
        }
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }

    /** A long, cheap, non-repeating-at-64-KiB stream: no gigabyte source file on disk. */
    static final class PatternStream extends InputStream {

        private final long length;

        private long position;

        PatternStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                long at = position + i;
                buffer[offset + i] = (byte) (at ^ (at >>> 11) ^ (at >>> 23));
            }
            position += n;
            return n;
        }
    }
}
