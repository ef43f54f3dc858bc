package dev.fileserver.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import dev.fileserver.server.support.RunningServer;
import dev.fileserver.testsupport.V1Client;
import dev.fileserver.server.tcp.TcpListenerLifecycle;

/** A client side for the TLS listener: trusting exactly the server's certificate, as a pinning client does. */
final class TlsClients {

    private TlsClients() {
    }

    static int tlsPort(RunningServer server) {
        return server.context().getBean("tlsListenerLifecycle", TcpListenerLifecycle.class).boundPort();
    }

    static X509Certificate certificateIn(Path stateDir) throws IOException, GeneralSecurityException {
        return certificateAt(stateDir.resolve("tls").resolve(SelfSignedCertificate.CERTIFICATE_FILE));
    }

    static X509Certificate certificateAt(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static SSLSocket connect(int port, X509Certificate trusted) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", trusted);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        socket.setTcpNoDelay(true);
        socket.startHandshake();
        return socket;
    }

    /** A v1 client inside TLS, past the greeting. */
    static V1Client accepted(int port, X509Certificate trusted) throws IOException, GeneralSecurityException {
        V1Client client = V1Client.over(connect(port, trusted));
        String greeting = client.receive();
        if (!greeting.equals("Connection accepted")) {
            client.close();
            throw new IOException("unexpected greeting: " + greeting);
        }
        return client;
    }
}
