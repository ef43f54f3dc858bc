package dev.fileserver.server.tcp;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.ip.tcp.connection.DefaultTcpNetSSLSocketFactorySupport;

import dev.fileserver.server.command.Conversation;
import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.defense.Defender;
import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.server.tls.TlsProperties;
import dev.fileserver.server.tls.TlsServerContext;

/**
 * The TLS listener: a second listener on its own port whose sockets come from the TLS context,
 * feeding the same conversation and sharing the client slots with the plaintext one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fileserver.tls.enabled", havingValue = "true")
class TlsListenerConfiguration {

    @Bean
    FileServerConnectionFactory tlsConnectionFactory(TlsServerContext tls, TlsProperties tlsProperties,
            FileServerProperties properties, SessionRegistry sessions, ConnectionGate gate,
            Conversation conversation, FileServerMetrics metrics, Defender defender, TransferRates rates) {
        FileServerConnectionFactory factory = new FileServerConnectionFactory(tlsProperties.port(), tls.protocols(),
                tls.ciphers());
        // Spring Integration's default context support insists on a trust store; a server needs none
        factory.setTcpSocketFactorySupport(new DefaultTcpNetSSLSocketFactorySupport(tls::sslContext));
        TcpServerConfiguration.configure(factory, tlsProperties.address(), properties, TcpServerConfiguration.context(
                properties, sessions, gate, conversation, metrics, defender, rates, tls.handshakeTimeout()));
        return factory;
    }

    @Bean
    TcpListenerLifecycle tlsListenerLifecycle(@Qualifier("tlsConnectionFactory") FileServerConnectionFactory tlsConnectionFactory,
            TlsProperties tlsProperties, FileServerProperties properties, SessionRegistry sessions,
            ApplicationEventPublisher publisher) {
        return new TcpListenerLifecycle(tlsConnectionFactory, new ListenerAddress("TLS file service",
                "fileserver.tls.port", tlsProperties.address(), tlsProperties.port()), properties, sessions, publisher);
    }

    @Bean
    IntegrationFlow tlsFileServerFlow(@Qualifier("tlsConnectionFactory") FileServerConnectionFactory tlsConnectionFactory,
            Conversation conversation,
            SessionRegistry sessions) {
        return TcpServerConfiguration.conversationFlow(tlsConnectionFactory, conversation, sessions);
    }
}
