package dev.fileserver.client.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import dev.fileserver.client.ClientException;

/** Turns a connected socket into a TLS one to a server this client may trust, or says why not. */
public final class ServerTls {

    private static final String[] PROTOCOLS = { "TLSv1.3", "TLSv1.2" };

    private ServerTls() {
    }

    /**
     * Secures {@code plain}, connected to {@code host:port}. A server seen for the first time is put
     * to the user through {@link TrustSettings#firstUse()}; since that may take longer than the
     * server waits for a handshake, {@code redial} opens a fresh connection once the answer is yes.
     */
    public static SSLSocket secure(Socket plain, String host, int port, TrustSettings settings, Redial redial)
            throws IOException, ClientException {
        String server = host + ":" + port;
        try {
            return handshake(plain, host, port, settings);
        }
        catch (FirstUseException unknown) {
            if (!settings.firstUse().trust(server, unknown.fingerprint)) {
                throw new UntrustedServerException("Error: the authenticity of server " + server
                        + " can't be established.\nIts certificate's fingerprint is " + unknown.fingerprint
                        + ".\nTo trust it, connect with --accept-new (trust on first use), or with --fingerprint "
                        + unknown.fingerprint + " if that is the fingerprint the server's operator gave you.");
            }
            settings.knownHosts().remember(server, unknown.fingerprint);
            return handshake(redial.connect(), host, port, settings);
        }
    }

    /** The question asked on a terminal before trusting a server for the first time. */
    public static String firstUseQuestion(String server, String fingerprint, KnownHosts knownHosts) {
        return "The authenticity of server " + server + " can't be established.\nIts certificate's fingerprint is "
                + fingerprint + ".\nTrust it and remember it in " + knownHosts.file() + "?";
    }

    private static SSLSocket handshake(Socket plain, String host, int port, TrustSettings settings)
            throws IOException, ClientException {
        String server = host + ":" + port;
        ServerCertificateCheck check;
        SSLSocket ssl;
        try {
            check = new ServerCertificateCheck(server, settings);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { check }, null);
            ssl = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        }
        catch (GeneralSecurityException e) {
            plain.close();
            throw new IOException("TLS is not available in this JVM: " + e.getMessage(), e);
        }
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        // an authority's certificate must name the host we asked for
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        try {
            ssl.startHandshake();
        }
        catch (SSLException e) {
            ssl.close();
            throw refusal(check, server, settings, e);
        }
        if (check.verdict() == ServerCertificateCheck.Verdict.ACCEPTED_NOW) {
            settings.knownHosts().remember(server, check.fingerprint());
        }
        return ssl;
    }

    private static IOException refusal(ServerCertificateCheck check, String server, TrustSettings settings,
            SSLException failure) throws ClientException {
        if (check.verdict() == null) {
            return failure;
        }
        switch (check.verdict()) {
            case UNKNOWN:
                return new FirstUseException(check.fingerprint());
            case CHANGED:
                throw new UntrustedServerException(changed(server, check.fingerprint(), settings));
            case EXPIRED:
                throw new UntrustedServerException("Error: the certificate of server " + server
                        + " is out of date; the server's operator must renew it");
            default:
                throw new UntrustedServerException("Error: the certificate of server " + server + " is not valid: "
                        + rootCause(failure));
        }
    }

    private static String changed(String server, String presented, TrustSettings settings) {
        String remembered;
        int line;
        try {
            KnownHosts.Entry entry = settings.knownHosts().find(server).orElseThrow();
            remembered = entry.fingerprint();
            line = entry.line();
        }
        catch (IOException | RuntimeException e) {
            remembered = "(unreadable)";
            line = 0;
        }
        return "Error: THE CERTIFICATE OF SERVER " + server + " HAS CHANGED!\n"
                + "Someone could be listening in on this connection (a man-in-the-middle attack), or the server's"
                + " certificate was replaced.\n"
                + "Remembered: " + remembered + " (" + settings.knownHosts().file() + " line " + line + ")\n"
                + "Presented:  " + presented + "\n"
                + "If the new certificate is the right one, delete line " + line + " of "
                + settings.knownHosts().file() + " and connect again.";
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** Opens a new TCP connection to the same server. */
    @FunctionalInterface
    public interface Redial {

        Socket connect() throws IOException, ClientException;
    }

    /** A server not seen before: its certificate's fingerprint, for the question or the refusal. */
    private static final class FirstUseException extends IOException {

        private final String fingerprint;

        FirstUseException(String fingerprint) {
            super("server not seen before: " + fingerprint);
            this.fingerprint = fingerprint;
        }
    }
}
