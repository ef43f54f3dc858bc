package dev.fileserver.server.tcp;

import java.net.Socket;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpNetConnection;
import org.springframework.integration.ip.tcp.connection.TcpNetConnectionSupport;

/** Makes every accepted socket a {@link FileServerConnection}. */
final class FileServerConnectionSupport implements TcpNetConnectionSupport {

    private final ConnectionContext context;

    FileServerConnectionSupport(ConnectionContext context) {
        this.context = context;
    }

    @Override
    public TcpNetConnection createNewConnection(Socket socket, boolean server, boolean lookupHost,
            ApplicationEventPublisher applicationEventPublisher, String connectionFactoryName) {
        return new FileServerConnection(socket, applicationEventPublisher, connectionFactoryName, context);
    }
}
