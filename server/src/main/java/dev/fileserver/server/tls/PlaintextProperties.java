package dev.fileserver.server.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The plaintext listener once the server is meant for a network, under {@code fileserver.plaintext.*}.
 *
 * @param allowRemote let the plaintext listener bind to a non-loopback address although TLS is on:
 *                    everything it carries, passwords included, crosses the network in clear
 */
@ConfigurationProperties("fileserver.plaintext")
public record PlaintextProperties(@DefaultValue("false") boolean allowRemote) {
}
