package dev.fileserver.server.ops;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import dev.fileserver.server.tcp.TcpListenerLifecycle;
import dev.fileserver.server.tls.TlsServerContext;

/** {@code tlsListener}: UP while the TLS listener accepts connections; the certificate's expiry in its details. */
@Component
@ConditionalOnProperty(name = "fileserver.tls.enabled", havingValue = "true")
class TlsListenerHealthIndicator extends AbstractHealthIndicator {

    private final TcpListenerLifecycle listener;

    private final TlsServerContext tls;

    TlsListenerHealthIndicator(@Qualifier("tlsListenerLifecycle") TcpListenerLifecycle listener, TlsServerContext tls) {
        super("TLS listener check failed");
        this.listener = listener;
        this.tls = tls;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        (listener.isAccepting() ? builder.up() : builder.down())
                .withDetail("address", listener.address().address())
                .withDetail("port", listener.boundPort())
                .withDetail("protocols", tls.protocols())
                .withDetail("certificate", tls.source())
                .withDetail("subject", tls.certificate().getSubjectX500Principal().getName())
                .withDetail("fingerprint", tls.fingerprint())
                .withDetail("notAfter", tls.certificate().getNotAfter().toInstant().toString());
    }
}
