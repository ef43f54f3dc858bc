package dev.fileserver.server.tls;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;

/**
 * What the TLS listener needs: the context its sockets come from, the versions it offers, how long
 * a handshake may take, and the certificate it presents (for the start-up line and health).
 */
public record TlsServerContext(SSLContext sslContext, List<String> protocols, List<String> ciphers,
        Duration handshakeTimeout, X509Certificate certificate, String fingerprint, String source) {
}
