package dev.fileserver.client.tls;

/**
 * How this client decides to trust a server with a self-signed certificate.
 *
 * @param knownHosts          the servers accepted before
 * @param acceptNew           accept and remember a server seen for the first time without asking
 * @param expectedFingerprint the fingerprint the user was told out of band ({@code SHA256:...}), or null
 * @param firstUse            asks the user about a server seen for the first time
 * @param authorities         a PEM file of certificate authorities trusted besides the JVM's own (a
 *                            company's private authority), or null
 */
public record TrustSettings(KnownHosts knownHosts, boolean acceptNew, String expectedFingerprint,
        FirstUseQuestion firstUse, java.nio.file.Path authorities) {

    public TrustSettings(KnownHosts knownHosts, boolean acceptNew, String expectedFingerprint,
            FirstUseQuestion firstUse) {
        this(knownHosts, acceptNew, expectedFingerprint, firstUse, null);
    }

    /** Asks whether to trust a server never seen before; no one to ask means no. */
    @FunctionalInterface
    public interface FirstUseQuestion {

        FirstUseQuestion NO_ONE_TO_ASK = (server, fingerprint) -> false;

        boolean trust(String server, String fingerprint) throws dev.fileserver.client.ClientException;
    }

    public TrustSettings withFirstUse(FirstUseQuestion question) {
        return new TrustSettings(knownHosts, acceptNew, expectedFingerprint, question, authorities);
    }

    /** For one connection: also accept a new server, or exactly the one with this fingerprint. */
    public TrustSettings forConnect(boolean acceptNewToo, String fingerprint) {
        return new TrustSettings(knownHosts, acceptNew || acceptNewToo,
                fingerprint == null || fingerprint.isBlank() ? expectedFingerprint : fingerprint, firstUse, authorities);
    }
}
