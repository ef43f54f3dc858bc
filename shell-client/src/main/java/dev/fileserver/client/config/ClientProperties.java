package dev.fileserver.client.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the client connects and how long it waits. Bound from {@code fileserver.*}, so
 * {@code FILESERVER_PORT=9000} and {@code -Dfileserver.port=9000} both work.
 *
 * @param host                   the server to connect to on start and by a bare {@code connect}
 * @param port                   its TCP port
 * @param connectTimeout         how long establishing the TCP connection may take
 * @param readTimeout            how long the server may stay silent while a reply is due
 * @param negotiateCapabilities  whether to ask the server for extensions after the greeting; a v1
 *                               server answers {@code ok} and nothing changes, so this is a way
 *                               out only for a peer that misbehaves on an unknown command
 * @param maxTextFrame           largest text frame accepted from the server; a listing or a tree
 *                               of a big folder is one frame, so this is far above what a
 *                               request needs, and still bounds what a server can make us hold
 * @param maxExpandedSize        how much a downloaded directory may expand to on disk
 * @param maxEntries             how many entries a downloaded directory's tarball may hold
 * @param tls                    connect inside TLS (the server's TLS port, 8443 by default)
 * @param knownHosts             the servers whose self-signed certificates were accepted; by default
 *                               {@code .fileserver/known_hosts} in the user's home
 * @param acceptNew              trust a server seen for the first time and remember it, without asking
 * @param fingerprint            trust exactly the server whose certificate has this fingerprint
 *                               ({@code SHA256:...}, as the server prints it), and remember it
 * @param trustedAuthorities     a PEM file of certificate authorities to trust besides the JVM's own
 * @param user                   the account to log in as on a server with accounts; none: anonymous
 * @param password               its password, best given as {@code FILESERVER_PASSWORD} (a command line
 *                               shows in the process list); without it or a token, a terminal asks
 * @param token                  an API token of the account instead of its password
 *                               ({@code FILESERVER_TOKEN}), for scripts
 */
@ConfigurationProperties("fileserver")
public record ClientProperties(
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("8080") int port,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("true") boolean negotiateCapabilities,
        @DefaultValue("64MB") DataSize maxTextFrame,
        @DefaultValue("64GB") DataSize maxExpandedSize,
        @DefaultValue("1000000") int maxEntries,
        @DefaultValue("false") boolean tls,
        Path knownHosts,
        @DefaultValue("false") boolean acceptNew,
        String fingerprint,
        Path trustedAuthorities,
        String user,
        String password,
        String token) {

    /** Where remembered servers are kept unless told otherwise. */
    public Path knownHostsFile() {
        return knownHosts != null ? knownHosts
                : Path.of(System.getProperty("user.home"), ".fileserver", "known_hosts");
    }

    public ClientProperties {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("fileserver.port must be between 1 and 65535, not " + port);
        }
        if (maxTextFrame.toBytes() < 1024 || maxTextFrame.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("fileserver.max-text-frame must be between 1KB and 2GB");
        }
        if (connectTimeout.isNegative() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("fileserver timeouts must not be negative");
        }
    }
}
