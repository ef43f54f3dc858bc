package dev.fileserver.server.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.config.StartupException;

/**
 * The TLS listener's identity: from the named Spring Boot SSL bundle, or the server's own
 * self-signed certificate in the state folder. Also refuses to start a plaintext listener that
 * faces the network beside it, unless told to.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ TlsProperties.class, PlaintextProperties.class })
@ConditionalOnProperty(name = "fileserver.tls.enabled", havingValue = "true")
class TlsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TlsConfiguration.class);

    @Bean
    TlsServerContext tlsServerContext(TlsProperties tls, PlaintextProperties plaintext,
            FileServerProperties properties, ObjectProvider<SslBundles> bundles) {
        PlaintextExposure.check(properties.bindAddress(), plaintext);
        try {
            return tls.bundle() == null || tls.bundle().isBlank()
                    ? fromStateFolder(tls, properties)
                    : fromBundle(tls, bundles.getObject().getBundle(tls.bundle()));
        }
        catch (IOException | GeneralSecurityException e) {
            throw new StartupException("fileserver.tls: cannot set up the TLS listener's certificate ("
                    + e.getMessage() + ")", e);
        }
    }

    private static TlsServerContext fromStateFolder(TlsProperties tls, FileServerProperties properties)
            throws IOException, GeneralSecurityException {
        Path root = properties.root().toAbsolutePath().normalize();
        Path state = properties.stateDir().toAbsolutePath().normalize();
        if (state.startsWith(root)) {
            throw new StartupException("fileserver.state-dir '" + state + "' is inside the served root '" + root
                    + "': clients could read the server's private key");
        }
        ServerIdentity identity = SelfSignedCertificate.loadOrCreate(state.resolve("tls"));
        if (identity.createdNow()) {
            log.info("Made a self-signed TLS certificate {} in {}", identity.fingerprint(), state.resolve("tls"));
        }
        return new TlsServerContext(identity.sslContext(), tls.protocols(), List.of(), tls.handshakeTimeout(),
                identity.certificate(), identity.fingerprint(), "self-signed, " + state.resolve("tls"));
    }

    /** Boot's bundle gives the context; its protocols and ciphers are applied to each socket by us. */
    private static TlsServerContext fromBundle(TlsProperties tls, SslBundle bundle) throws GeneralSecurityException {
        X509Certificate certificate = certificateOf(bundle);
        String[] enabled = bundle.getOptions().getEnabledProtocols();
        String[] ciphers = bundle.getOptions().getCiphers();
        return new TlsServerContext(bundle.createSslContext(),
                enabled == null ? tls.protocols() : Arrays.asList(enabled),
                ciphers == null ? List.of() : Arrays.asList(ciphers), tls.handshakeTimeout(), certificate,
                ServerIdentity.fingerprint(certificate), "SSL bundle '" + tls.bundle() + "'");
    }

    private static X509Certificate certificateOf(SslBundle bundle) throws GeneralSecurityException {
        var store = bundle.getStores().getKeyStore();
        String alias = bundle.getKey().getAlias();
        for (String candidate : alias != null ? List.of(alias) : java.util.Collections.list(store.aliases())) {
            Certificate certificate = store.getCertificate(candidate);
            if (certificate instanceof X509Certificate x509 && store.isKeyEntry(candidate)) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the bundle holds no key with an X.509 certificate");
    }
}
