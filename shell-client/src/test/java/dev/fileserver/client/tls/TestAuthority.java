package dev.fileserver.client.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A certificate authority of the tests' own, issuing server certificates as a real one would. */
final class TestAuthority {

    private final KeyPair keys = newKeyPair();

    private final X500Name name = new X500Name("CN=Test Authority");

    private final X509Certificate certificate;

    TestAuthority() throws GeneralSecurityException {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name,
                keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        }
        catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        certificate = sign(builder);
    }

    /** Writes the authority's certificate as PEM, for a client to trust. */
    Path writeCertificate(Path file) throws IOException {
        return Files.writeString(file, pem(certificate));
    }

    /**
     * Issues a certificate for {@code dnsName}, valid from {@code notBefore} to {@code notAfter}, and
     * writes it and its key as PEM files {@code NAME.crt} and {@code NAME.key} in {@code folder}.
     */
    Path issue(Path folder, String fileName, String dnsName, Instant notBefore, Instant notAfter)
            throws IOException, GeneralSecurityException {
        KeyPair server = newKeyPair();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore),
                Date.from(notAfter), new X500Name("CN=" + dnsName), server.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(fileName + ".crt"), pem(sign(builder)));
        Files.writeString(folder.resolve(fileName + ".key"), pem(new JcaPKCS8Generator(server.getPrivate(), null).generate()));
        return folder.resolve(fileName + ".crt");
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        }
        catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
