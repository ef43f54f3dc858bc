package dev.fileserver.client.connection;

import java.time.Duration;

import dev.fileserver.client.tls.TrustSettings;
import dev.fileserver.wire.FrameLimits;

/**
 * How a connection is opened and how long it waits for the server; {@code trust} decides which TLS
 * servers to believe (null: no TLS connection can be opened); {@code credentials} who to log in as.
 */
public record ConnectionSettings(Duration connectTimeout, Duration readTimeout, boolean negotiateCapabilities,
        FrameLimits frameLimits, TrustSettings trust, Credentials credentials) {

    public static final ConnectionSettings DEFAULT = new ConnectionSettings(Duration.ofSeconds(10),
            Duration.ofSeconds(60), true, FrameLimits.DEFAULT);

    public ConnectionSettings {
        credentials = credentials == null ? Credentials.NONE : credentials;
    }

    public ConnectionSettings(Duration connectTimeout, Duration readTimeout, boolean negotiateCapabilities,
            FrameLimits frameLimits) {
        this(connectTimeout, readTimeout, negotiateCapabilities, frameLimits, null, Credentials.NONE);
    }

    public ConnectionSettings withTrust(TrustSettings trust) {
        return new ConnectionSettings(connectTimeout, readTimeout, negotiateCapabilities, frameLimits, trust,
                credentials);
    }

    public ConnectionSettings withCredentials(Credentials login) {
        return new ConnectionSettings(connectTimeout, readTimeout, negotiateCapabilities, frameLimits, trust, login);
    }
}
