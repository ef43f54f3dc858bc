package dev.fileserver.server.tcp;

import java.net.InetAddress;
import java.net.Socket;

import org.springframework.integration.ip.tcp.connection.SocketInfo;

/**
 * Spring Integration's view of a connection's socket, with the local address read once: its
 * message mapper puts that address in the headers of every message, and the socket asks the
 * kernel for it on each call ({@code getsockname}, about 2 % of the server's CPU time in a burst of
 * small requests). An accepted socket's local address never changes.
 */
final class AcceptedSocketInfo extends SocketInfo {

    private final InetAddress localAddress;

    AcceptedSocketInfo(Socket socket) {
        super(socket);
        this.localAddress = socket.getLocalAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return localAddress;
    }
}
