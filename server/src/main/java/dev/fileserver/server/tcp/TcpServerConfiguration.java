package dev.fileserver.server.tcp;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.ip.dsl.Tcp;
import org.springframework.integration.ip.tcp.connection.TcpMessageMapper;
import org.springframework.messaging.MessagingException;

import dev.fileserver.server.command.Conversation;
import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.config.PlainTransfers;
import dev.fileserver.server.defense.Defender;
import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.wire.FrameLimits;

/**
 * The TCP side: a Spring Integration server connection factory whose connections carry our own
 * frame (de)serializers, an inbound adapter feeding the {@link Conversation}, and an outbound
 * adapter sending its replies back on the same connection. The flow runs on the connection's own
 * reading thread, so a reply is on the wire before the next frame is read.
 */
@Configuration(proxyBeanMethods = false)
class TcpServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TcpServerConfiguration.class);

    private static final String UNDELIVERED_REPLIES = "fileServerUndeliveredReplies";

    @Bean
    ConnectionSlots connectionSlots(FileServerProperties properties, Defender defender) {
        return new ConnectionSlots(properties.maxClients(), properties.clientsPerAddress(), defender::trusts);
    }

    /** The plaintext listener: the one the original v1 client knows, and the default for lookups by type. */
    @Bean
    @Primary
    FileServerConnectionFactory fileServerConnectionFactory(FileServerProperties properties, SessionRegistry sessions,
            ConnectionGate gate, Conversation conversation, FileServerMetrics metrics, Defender defender,
            TransferRates rates) {
        FileServerConnectionFactory factory = new FileServerConnectionFactory(properties.port(),
                properties.plainTransfers().usesChannels());
        configure(factory, properties.bindAddress(), properties,
                context(properties, sessions, gate, conversation, metrics, defender, rates, Duration.ZERO));
        return factory;
    }

    /** One gate for every listener: the client slots and the defender's verdicts are the server's, not a port's. */
    @Bean
    ConnectionGate connectionGate(ConnectionSlots slots, Defender defender, FileServerProperties properties,
            FileServerMetrics metrics) {
        return new ConnectionGate(slots, defender, properties.loginGraceTime(), metrics);
    }

    /** One set of rates for every listener: an account's rate holds across all its connections. */
    @Bean
    TransferRates transferRates(FileServerProperties properties) {
        return new TransferRates(properties.maxUploadRate().toBytes(), properties.maxDownloadRate().toBytes(),
                properties.maxUploadRatePerAccount().toBytes(), properties.maxDownloadRatePerAccount().toBytes());
    }

    static ConnectionContext context(FileServerProperties properties, SessionRegistry sessions, ConnectionGate gate,
            Conversation conversation, FileServerMetrics metrics, Defender defender, TransferRates rates,
            Duration handshakeTimeout) {
        return new ConnectionContext(sessions, gate, conversation, frameLimits(properties), metrics, defender,
                rates, properties.plainTransfers() == PlainTransfers.SENDFILE, handshakeTimeout);
    }

    @Bean
    @Primary
    TcpListenerLifecycle tcpListenerLifecycle(FileServerConnectionFactory factory, FileServerProperties properties,
            SessionRegistry sessions, ApplicationEventPublisher publisher) {
        return new TcpListenerLifecycle(factory, new ListenerAddress("File service", "fileserver.port",
                properties.bindAddress(), properties.port()), properties, sessions, publisher);
    }

    static void configure(FileServerConnectionFactory factory, String address, FileServerProperties properties,
            ConnectionContext context) {
        factory.setLocalAddress(address);
        // Spring Integration's default of 5 drops handshakes when many clients arrive at once
        factory.setBacklog(properties.acceptBacklog());
        factory.setTcpNetConnectionSupport(new FileServerConnectionSupport(context));
        // Spring Integration leaves Nagle on; a small reply must not wait for an ACK
        factory.setSoTcpNoDelay(true);
        factory.setSoTimeout((int) properties.idleTimeout().toMillis());
        factory.setTaskExecutor(ConnectionThreads.executor());
        TcpMessageMapper mapper = new TcpMessageMapper();
        mapper.setStringToBytes(false);
        factory.setMapper(mapper);
    }

    static FrameLimits frameLimits(FileServerProperties properties) {
        return new FrameLimits((int) properties.maxTextFrame().toBytes(), (int) properties.maxFileHeader().toBytes());
    }

    @Bean
    StalledWriteWatchdog stalledWriteWatchdog(SessionRegistry sessions, FileServerProperties properties) {
        return new StalledWriteWatchdog(sessions, properties.idleTimeout());
    }

    @Bean
    IntegrationFlow fileServerFlow(FileServerConnectionFactory factory, Conversation conversation,
            SessionRegistry sessions) {
        return conversationFlow(factory, conversation, sessions);
    }

    /** Frames from the listener's connections to the conversation, and its replies back on the same one. */
    static IntegrationFlow conversationFlow(FileServerConnectionFactory factory, Conversation conversation,
            SessionRegistry sessions) {
        return IntegrationFlow.from(Tcp.inboundAdapter(factory).errorChannel(UNDELIVERED_REPLIES))
                .handle((payload, headers) -> {
                    Reply reply = conversation.onFrame(payload,
                            sessions.get((String) headers.get(IpHeaders.CONNECTION_ID)));
                    return reply.isEmpty() ? null : reply;
                })
                .handle(Tcp.outboundAdapter(factory))
                .get();
    }

    /**
     * A reply that could not be written (the client went away, a file changed while being sent)
     * has been logged with its session and its connection closed; Spring Integration would log it
     * again as an error with a stack trace. What its downloads opened (a file, a spool) is released.
     */
    @Bean
    IntegrationFlow undeliveredRepliesFlow() {
        return IntegrationFlow.from(UNDELIVERED_REPLIES)
                .handle(message -> {
                    log.debug("Reply not delivered: {}", message.getPayload());
                    if (message.getPayload() instanceof MessagingException failure
                            && failure.getFailedMessage() != null
                            && failure.getFailedMessage().getPayload() instanceof Reply reply) {
                        reply.release();
                    }
                })
                .get();
    }
}
