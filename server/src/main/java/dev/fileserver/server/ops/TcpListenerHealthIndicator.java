package dev.fileserver.server.ops;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import dev.fileserver.server.config.FileServerProperties;
import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.server.tcp.FileServerConnectionFactory;
import dev.fileserver.server.tcp.TcpListenerLifecycle;

/** {@code tcpListener}: UP while the file service accepts connections. */
@Component
class TcpListenerHealthIndicator extends AbstractHealthIndicator {

    private final TcpListenerLifecycle listener;

    private final FileServerConnectionFactory factory;

    private final SessionRegistry sessions;

    private final FileServerProperties properties;

    TcpListenerHealthIndicator(TcpListenerLifecycle listener, FileServerConnectionFactory factory,
            SessionRegistry sessions, FileServerProperties properties) {
        super("TCP listener check failed");
        this.listener = listener;
        this.factory = factory;
        this.sessions = sessions;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        (listener.isAccepting() ? builder.up() : builder.down())
                .withDetail("address", properties.bindAddress())
                .withDetail("port", factory.getPort())
                .withDetail("activeConnections", sessions.size())
                .withDetail("maxClients", properties.maxClients());
    }
}
