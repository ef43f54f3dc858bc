package dev.fileserver.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The server's own certificate and key (the PEM files it makes in its state folder), used by the
 * raw TLS baseline to present the very same key, and by the harness's clients to trust exactly it.
 * Both ends take the JDK's default protocols and cipher suites, as our server and client do.
 */
final class TlsFiles {

    private static final char[] NO_PASSWORD = new char[0];

    private TlsFiles() {
    }

    /** A loopback TLS listener presenting {@code certificate} with {@code key}, on a free port. */
    static ServerSocket listener(Path certificate, Path key) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", privateKey(key), NO_PASSWORD, new Certificate[] {certificate(certificate)});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            ServerSocket listener = context.getServerSocketFactory().createServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            return listener;
        }
        catch (GeneralSecurityException e) {
            throw new IOException("cannot use " + certificate + " and " + key + ": " + e.getMessage(), e);
        }
    }

    /** A handshaken connection to a loopback TLS port whose certificate is exactly {@code certificate}. */
    static SSLSocket connect(int port, Path certificate) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("server", certificate(certificate));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(120_000);
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                socket.startHandshake();
                return socket;
            }
            catch (IOException e) {
                socket.close();
                throw e;
            }
        }
        catch (GeneralSecurityException e) {
            throw new IOException("cannot trust " + certificate + ": " + e.getMessage(), e);
        }
    }

    private static Certificate certificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** A PKCS #8 PEM key ({@code PRIVATE KEY}), EC as our server makes it. */
    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
