package dev.fileserver.client.connection;

import java.time.Duration;

import dev.fileserver.wire.FrameLimits;

/** How a connection is opened and how long it waits for the server. */
public record ConnectionSettings(Duration connectTimeout, Duration readTimeout, boolean negotiateCapabilities,
        FrameLimits frameLimits) {

    public static final ConnectionSettings DEFAULT = new ConnectionSettings(Duration.ofSeconds(10),
            Duration.ofSeconds(60), true, FrameLimits.DEFAULT);
}
