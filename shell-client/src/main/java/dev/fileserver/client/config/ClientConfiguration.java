package dev.fileserver.client.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fileserver.client.connection.ClientSession;
import dev.fileserver.client.connection.ConnectionSettings;
import dev.fileserver.client.connection.Credentials;
import dev.fileserver.client.connection.SecretPrompt;
import dev.fileserver.client.connection.ServerAddress;
import dev.fileserver.client.download.DownloadTransfer;
import dev.fileserver.client.tls.KnownHosts;
import dev.fileserver.client.tls.TrustSettings;
import dev.fileserver.wire.FrameLimits;
import dev.fileserver.wire.archive.TarballLimits;

/** The connection and the conversations, configured from {@link ClientProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientProperties.class)
class ClientConfiguration {

    @Bean(destroyMethod = "close")
    ClientSession clientSession(ClientProperties properties) {
        TrustSettings trust = new TrustSettings(new KnownHosts(properties.knownHostsFile()), properties.acceptNew(),
                properties.fingerprint(), TrustSettings.FirstUseQuestion.NO_ONE_TO_ASK, properties.trustedAuthorities());
        return new ClientSession(new ServerAddress(properties.host(), properties.port(), properties.tls()),
                new ConnectionSettings(properties.connectTimeout(), properties.readTimeout(),
                        properties.negotiateCapabilities(),
                        new FrameLimits((int) properties.maxTextFrame().toBytes(), FrameLimits.DEFAULT_MAX_BYTES),
                        trust, new Credentials(properties.user(), properties.password(), properties.token(),
                                SecretPrompt.NO_ONE_TO_ASK)));
    }

    @Bean
    DownloadTransfer download(ClientProperties properties) {
        return new DownloadTransfer(new TarballLimits(properties.maxExpandedSize().toBytes(), properties.maxEntries()));
    }
}
