package dev.fileserver.server.tcp;

import java.net.Socket;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpNetConnection;
import org.springframework.integration.ip.tcp.connection.TcpNetConnectionSupport;

import dev.fileserver.server.ops.FileServerMetrics;
import dev.fileserver.server.session.SessionRegistry;
import dev.fileserver.server.storage.FileStore;

/** Makes every accepted socket a {@link FileServerConnection}. */
final class FileServerConnectionSupport implements TcpNetConnectionSupport {

    private final SessionRegistry sessions;

    private final ConnectionSlots slots;

    private final FileStore store;

    private final TcpLimits limits;

    private final FileServerMetrics metrics;

    FileServerConnectionSupport(SessionRegistry sessions, ConnectionSlots slots, FileStore store, TcpLimits limits,
            FileServerMetrics metrics) {
        this.sessions = sessions;
        this.slots = slots;
        this.store = store;
        this.limits = limits;
        this.metrics = metrics;
    }

    @Override
    public TcpNetConnection createNewConnection(Socket socket, boolean server, boolean lookupHost,
            ApplicationEventPublisher applicationEventPublisher, String connectionFactoryName) {
        return new FileServerConnection(socket, applicationEventPublisher, connectionFactoryName, sessions, slots,
                store, limits, metrics);
    }
}
