package dev.fileserver.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server's own certificate when no SSL bundle is named: made on first start (an EC P-256 key,
 * self-signed with SHA-256, for localhost, the loopback addresses and this host's name), kept as PEM
 * files in the state folder, and read back on every later start so clients that pinned it keep
 * trusting it, as sshd keeps its host keys.
 */
final class SelfSignedCertificate {

    static final String CERTIFICATE_FILE = "server.crt";

    static final String KEY_FILE = "server.key";

    /** Pinned, not checked against a calendar by our clients; long, as ssh host keys have no expiry. */
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificate() {
    }

    /** The key and certificate in {@code folder}, made first if missing. */
    static ServerIdentity loadOrCreate(Path folder) throws IOException, GeneralSecurityException {
        Path certificate = folder.resolve(CERTIFICATE_FILE);
        Path key = folder.resolve(KEY_FILE);
        if (Files.exists(certificate) && Files.exists(key)) {
            return new ServerIdentity(readKey(key), List.of(readCertificate(certificate)), false);
        }
        Files.createDirectories(folder);
        restrictToOwner(folder, "rwx------");
        KeyPair pair = newKeyPair();
        X509Certificate made = sign(pair);
        // the key first and private from its first byte; the certificate last, as the sign both are there
        writeAtomically(key, pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate()), true);
        writeAtomically(certificate, pem(made), false);
        return new ServerIdentity(pair.getPrivate(), List.of(made), true);
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(KeyPair pair) throws GeneralSecurityException, IOException {
        X500Name subject = new X500Name("CN=fileserver");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(128, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames()));
        try {
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(pair.getPrivate()));
            return new JcaX509CertificateConverter().getCertificate(holder);
        }
        catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the certificate", e);
        }
    }

    private static GeneralName[] alternativeNames() {
        List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1")));
        try {
            String host = InetAddress.getLocalHost().getHostName();
            if (!host.isBlank() && !host.equals("localhost")) {
                names.add(new GeneralName(GeneralName.dNSName, host));
            }
        }
        catch (IOException ignored) {
            // a host without a resolvable name is served by address
        }
        return names.toArray(GeneralName[]::new);
    }

    /** PEM text; a key as PKCS #8 ({@code PRIVATE KEY}), which every reader, Boot's SSL bundles included, takes. */
    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static void writeAtomically(Path file, String content, boolean secret) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            if (secret) {
                restrictToOwner(temporary, "rw-------");
            }
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII)) {
                out.write(content);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrictToOwner(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
        catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: its own access control applies
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(in)) {
            Object read = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (read instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IOException(file.getFileName() + " holds no private key");
        }
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(in)) {
            Object read = parser.readObject();
            if (!(read instanceof X509CertificateHolder holder)) {
                throw new IOException(file.getFileName() + " holds no certificate");
            }
            return new JcaX509CertificateConverter().getCertificate(holder);
        }
    }
}
