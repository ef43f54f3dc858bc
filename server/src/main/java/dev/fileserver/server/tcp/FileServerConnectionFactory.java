package dev.fileserver.server.tcp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.springframework.integration.ip.tcp.connection.TcpNetServerConnectionFactory;

/** The listening socket, bound with address reuse so a restart right after a stop binds at once. */
final class FileServerConnectionFactory extends TcpNetServerConnectionFactory {

    FileServerConnectionFactory(int port) {
        super(port);
    }

    @Override
    protected ServerSocket createServerSocket(int port, int backlog, InetAddress whichNic) throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        try {
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(whichNic, port), Math.abs(backlog));
            return serverSocket;
        }
        catch (IOException e) {
            serverSocket.close();
            throw e;
        }
    }
}
