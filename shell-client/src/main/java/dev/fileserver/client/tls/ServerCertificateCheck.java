package dev.fileserver.client.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides whether to go on with a server while the handshake is under way. A certificate that a
 * trusted authority signed must also name the host and be in date, as a browser would insist. One
 * that no trusted authority signed (the server's own, self-signed) is trusted by its SHA-256
 * fingerprint: the one remembered in {@link KnownHosts}, the one the user gave, or, on first use,
 * one the user accepts; a changed one is refused, as ssh refuses a changed host key.
 */
final class ServerCertificateCheck extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager authorities;

    private final String server;

    private final TrustSettings settings;

    private String fingerprint;

    private Verdict verdict;

    ServerCertificateCheck(String server, TrustSettings settings) throws GeneralSecurityException {
        this.server = server;
        this.settings = settings;
        this.authorities = authorities(settings.authorities());
    }

    /** What the handshake decided and why; null if it never got as far as the certificate. */
    Verdict verdict() {
        return verdict;
    }

    String fingerprint() {
        return fingerprint;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            authorities.checkServerTrusted(chain, authType, socket);
            verdict = Verdict.SIGNED_BY_AUTHORITY;
            return;
        }
        catch (CertificateException signedOrNot) {
            decideWithoutAuthority(chain, signedOrNot);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("the client checks servers on sockets only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the client checks servers with their socket, for the host name");
    }

    private void decideWithoutAuthority(X509Certificate[] chain, CertificateException problem)
            throws CertificateException {
        X509Certificate leaf = chain[0];
        fingerprint = fingerprint(leaf);
        if (signedByKnownAuthority(chain)) {
            // an authority's certificate that fails (out of date, another host's) is never pinned around
            verdict = Verdict.AUTHORITY_REFUSED;
            throw problem;
        }
        try {
            leaf.checkValidity();
        }
        catch (CertificateException expired) {
            verdict = Verdict.EXPIRED;
            throw expired;
        }
        Optional<KnownHosts.Entry> known;
        try {
            known = settings.knownHosts().find(server);
        }
        catch (IOException e) {
            verdict = Verdict.UNKNOWN;
            throw new CertificateException("cannot read " + settings.knownHosts().file(), e);
        }
        if (known.isPresent()) {
            verdict = known.get().fingerprint().equals(fingerprint) ? Verdict.PINNED : Verdict.CHANGED;
        }
        else if (fingerprint.equals(settings.expectedFingerprint()) || settings.acceptNew()) {
            verdict = Verdict.ACCEPTED_NOW;
        }
        else {
            verdict = Verdict.UNKNOWN;
        }
        if (verdict != Verdict.PINNED && verdict != Verdict.ACCEPTED_NOW) {
            throw new CertificateException("certificate " + fingerprint + " not trusted: " + verdict);
        }
    }

    private boolean signedByKnownAuthority(X509Certificate[] chain) {
        X509Certificate last = chain[chain.length - 1];
        for (X509Certificate authority : authorities.getAcceptedIssuers()) {
            if (authority.getSubjectX500Principal().equals(last.getIssuerX500Principal())
                    || authority.equals(last)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a client does not check clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a client does not check clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client does not check clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    static String fingerprint(X509Certificate certificate) throws CertificateException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        }
        catch (GeneralSecurityException e) {
            throw new CertificateException("cannot take the certificate's fingerprint", e);
        }
    }

    /** The JVM's authorities, and those of {@code extra} (a PEM file) besides. */
    private static X509ExtendedTrustManager authorities(Path extra) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(extra == null ? null : withAuthorities(extra));
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager in this JVM");
    }

    private static KeyStore withAuthorities(Path extra) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init((KeyStore) null);
            int n = 0;
            for (TrustManager manager : system.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    for (X509Certificate authority : extended.getAcceptedIssuers()) {
                        store.setCertificateEntry("system-" + n++, authority);
                    }
                }
            }
            try (InputStream in = Files.newInputStream(extra)) {
                for (Certificate authority : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("extra-" + n++, authority);
                }
            }
            return store;
        }
        catch (IOException e) {
            throw new GeneralSecurityException("cannot read the authorities in " + extra + ": " + e.getMessage(), e);
        }
    }

    enum Verdict {
        SIGNED_BY_AUTHORITY, AUTHORITY_REFUSED, EXPIRED, PINNED, ACCEPTED_NOW, CHANGED, UNKNOWN
    }
}
