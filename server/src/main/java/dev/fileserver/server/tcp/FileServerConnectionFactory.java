package dev.fileserver.server.tcp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.springframework.integration.ip.tcp.connection.TcpNetServerConnectionFactory;

/**
 * The listening socket, bound with address reuse so a restart right after a stop binds at once,
 * and closable on its own so that connections in progress can finish during a shutdown.
 */
public final class FileServerConnectionFactory extends TcpNetServerConnectionFactory {

    FileServerConnectionFactory(int port) {
        super(port);
    }

    /** Closes the listening socket (new clients are refused) and leaves open connections alone. */
    void stopAccepting() {
        beforeShutdown();
        ServerSocket serverSocket = getServerSocket();
        if (serverSocket != null) {
            try {
                serverSocket.close();
            }
            catch (IOException ignored) {
                // closing anyway
            }
        }
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
