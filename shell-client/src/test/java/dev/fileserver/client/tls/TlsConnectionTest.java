package dev.fileserver.client.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fileserver.client.support.ClientRun;
import dev.fileserver.testsupport.ServerLauncher;
import dev.fileserver.testsupport.ServerProcess;

/**
 * The client against the real server's TLS listener: a self-signed certificate pinned on first use
 * as ssh pins host keys, and one an authority signed checked for its host name and dates.
 */
class TlsConnectionTest {

    static final Path JAR = Path.of(System.getProperty("fileserver.server.jar", "../server/target/server.jar"));

    @TempDir
    static Path shared;

    static ServerProcess selfSigned;

    static String fingerprint;

    @TempDir
    Path temp;

    @BeforeAll
    static void startServerWithItsOwnCertificate() throws Exception {
        Path state = shared.resolve("state");
        selfSigned = start(shared.resolve("root"), "--fileserver.state-dir=" + state);
        Files.writeString(shared.resolve("root/hello.txt"), "hello");
        fingerprint = fingerprintOf(state.resolve("tls/server.crt"));
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        selfSigned.close();
    }

    @Test
    void aServerSeenForTheFirstTimeIsRefusedInAScriptWithItsFingerprintAndHowToTrustIt() {
        Path knownHosts = temp.resolve("known_hosts");
        ClientRun run = ClientRun.of(selfSigned.tlsPort(), "--fileserver.tls=true",
                "--fileserver.known-hosts=" + knownHosts, "ls");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("can't be established").contains(fingerprint).contains("--accept-new");
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void acceptNewRemembersTheServerAndLaterRunsTrustItWithoutBeingTold() throws Exception {
        Path knownHosts = temp.resolve("known_hosts");
        ClientRun first = ClientRun.of(selfSigned.tlsPort(), "--fileserver.tls=true",
                "--fileserver.known-hosts=" + knownHosts, "--fileserver.accept-new=true", "ls");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("hello.txt");
        assertThat(Files.readAllLines(knownHosts)).containsExactly("127.0.0.1:" + selfSigned.tlsPort() + " " + fingerprint);

        ClientRun later = ClientRun.of(selfSigned.tlsPort(), "--fileserver.tls=true",
                "--fileserver.known-hosts=" + knownHosts, "ls");
        assertThat(later.exitCode()).as(later.toString()).isZero();
        assertThat(later.out()).contains("hello.txt");
    }

    @Test
    void theFingerprintGivenIsTrustedAndAnyOtherIsNot() {
        ClientRun right = ClientRun.of(selfSigned.tlsPort(), "--fileserver.tls=true",
                "--fileserver.known-hosts=" + temp.resolve("right"), "--fileserver.fingerprint=" + fingerprint, "ls");
        assertThat(right.exitCode()).as(right.toString()).isZero();

        ClientRun wrong = ClientRun.of(selfSigned.tlsPort(), "--fileserver.tls=true",
                "--fileserver.known-hosts=" + temp.resolve("wrong"), "--fileserver.fingerprint=SHA256:not-this-one", "ls");
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(1);
        assertThat(temp.resolve("wrong")).doesNotExist();
    }

    @Test
    void onATerminalTheUserIsAskedAndAYesIsRemembered() throws Exception {
        Path knownHosts = temp.resolve("known_hosts");
        ClientRun run = ClientRun.with(selfSigned.tlsPort(), "y\n", true, "--fileserver.tls=true",
                "--fileserver.known-hosts=" + knownHosts, "ls");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("The authenticity of server 127.0.0.1:" + selfSigned.tlsPort())
                .contains(fingerprint).contains("[y/N]");
        assertThat(Files.readString(knownHosts)).contains(fingerprint);
    }

    @Test
    void aChangedCertificateIsRefusedNamingBothFingerprintsAndTheLineToDelete() throws Exception {
        Path knownHosts = Files.writeString(temp.resolve("known_hosts"),
                "# servers\n127.0.0.1:" + selfSigned.tlsPort() + " SHA256:remembered-before\n");
        ClientRun run = ClientRun.of(selfSigned.tlsPort(), "--fileserver.tls=true",
                "--fileserver.known-hosts=" + knownHosts, "--fileserver.accept-new=true", "ls");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("HAS CHANGED").contains("SHA256:remembered-before").contains(fingerprint)
                .contains(knownHosts + " line 2");
        assertThat(run.out()).doesNotContain("hello.txt");
    }

    @Test
    void aCertificateAnAuthoritySignedIsTrustedForItsHostAndRefusedForAnotherOrOutOfDate() throws Exception {
        TestAuthority authority = new TestAuthority();
        Path authorities = authority.writeCertificate(temp.resolve("authority.pem"));
        Instant now = Instant.now();
        authority.issue(temp, "current", "localhost", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        authority.issue(temp, "expired", "localhost", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        try (ServerProcess current = startWithBundle(temp.resolve("root-current"), temp.resolve("current"));
                ServerProcess expired = startWithBundle(temp.resolve("root-expired"), temp.resolve("expired"))) {
            List<String> trusting = List.of("--fileserver.tls=true", "--fileserver.trusted-authorities=" + authorities,
                    "--fileserver.known-hosts=" + temp.resolve("known_hosts"), "--fileserver.accept-new=true");

            ClientRun byName = run(current.tlsPort(), trusting, "--fileserver.host=localhost");
            assertThat(byName.exitCode()).as(byName.toString()).isZero();

            // the certificate names localhost, not 127.0.0.1; --accept-new must not pin around that
            ClientRun otherHost = run(current.tlsPort(), trusting, "--fileserver.host=127.0.0.1");
            assertThat(otherHost.exitCode()).as(otherHost.toString()).isEqualTo(1);
            assertThat(otherHost.err()).contains("is not valid");

            ClientRun outOfDate = run(expired.tlsPort(), trusting, "--fileserver.host=localhost");
            assertThat(outOfDate.exitCode()).as(outOfDate.toString()).isEqualTo(1);
            assertThat(outOfDate.err()).contains("is not valid");
            assertThat(temp.resolve("known_hosts")).doesNotExist();
        }
    }

    private static ClientRun run(int port, List<String> options, String host) {
        List<String> args = new java.util.ArrayList<>(options);
        args.add(host);
        args.add("ls");
        return ClientRun.of(port, args.toArray(String[]::new));
    }

    private ServerProcess startWithBundle(Path root, Path pemFiles) throws Exception {
        return start(root, "--fileserver.state-dir=" + temp.resolve("state-" + root.getFileName()),
                "--fileserver.tls.bundle=issued",
                "--spring.ssl.bundle.pem.issued.keystore.certificate=file:" + pemFiles + ".crt",
                "--spring.ssl.bundle.pem.issued.keystore.private-key=file:" + pemFiles + ".key");
    }

    private static ServerProcess start(Path root, String... properties) throws Exception {
        Files.createDirectories(root);
        String[] all = new String[properties.length + 2];
        all[0] = "--fileserver.tls.enabled=true";
        all[1] = "--fileserver.tls.port=0";
        System.arraycopy(properties, 0, all, 2, properties.length);
        return ServerLauncher.fromJar(JAR).withJvmOptions(List.of("-Xmx256m")).startingQuickly().start(root, all);
    }

    private static String fingerprintOf(Path certificateFile) throws Exception {
        try (InputStream in = Files.newInputStream(certificateFile)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        }
    }
}
