package dev.fileserver.server.tcp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.util.List;

import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

import org.springframework.integration.ip.tcp.connection.TcpNetServerConnectionFactory;

/**
 * The listening socket, bound with address reuse so a restart right after a stop binds at once,
 * and closable on its own so that connections in progress can finish during a shutdown. For the
 * TLS listener it comes from the SSL server socket factory, offering only the configured versions;
 * the plain listener's is a channel's, so that its connections have a {@code SocketChannel} under
 * their streams (file content can then go to and from disk without passing through Java).
 */
public final class FileServerConnectionFactory extends TcpNetServerConnectionFactory {

    private final List<String> tlsProtocols;

    private final List<String> tlsCiphers;

    /** Whether a plain listener's sockets have a channel under them ({@code fileserver.plain-transfers}). */
    private final boolean channels;

    FileServerConnectionFactory(int port, boolean channels) {
        this(port, List.of(), List.of(), channels);
    }

    FileServerConnectionFactory(int port, List<String> tlsProtocols, List<String> tlsCiphers) {
        this(port, tlsProtocols, tlsCiphers, false);
    }

    private FileServerConnectionFactory(int port, List<String> tlsProtocols, List<String> tlsCiphers,
            boolean channels) {
        super(port);
        this.tlsProtocols = tlsProtocols;
        this.tlsCiphers = tlsCiphers;
        this.channels = channels;
    }

    private volatile boolean acceptingStopped;

    /** Closes the listening socket (new clients are refused) and leaves open connections alone. */
    void stopAccepting() {
        acceptingStopped = true;
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
    public void start() {
        // a factory started again (a context restarted) accepts again
        acceptingStopped = false;
        super.start();
    }

    /**
     * A channel's server socket closed under its accept throws {@code AsynchronousCloseException},
     * not the {@code SocketException} Spring Integration takes for a closed listener: it would take
     * it for a failure and stop the factory, closing every connection still in its grace period.
     * Once accepting has stopped on purpose, the accept loop sees the factory inactive and just ends.
     */
    @Override
    protected boolean isActive() {
        return !acceptingStopped && super.isActive();
    }

    /**
     * Spring Integration's own binds with the socket factory in one call, without address reuse; ours
     * takes the unbound socket from the same factory, so a TLS factory is never silently left out. With
     * channels on, a plain listener's socket is a {@link ServerSocketChannel}'s adaptor instead: the
     * sockets it accepts behave as the default factory's do (timed reads included, since JDK 13) and
     * also have a blocking channel, which Spring Integration never looks at.
     */
    @Override
    protected ServerSocket createServerSocket(int port, int backlog, InetAddress whichNic) throws IOException {
        ServerSocketFactory factory = getTcpSocketFactorySupport().getServerSocketFactory();
        ServerSocket serverSocket = channels && !(factory instanceof SSLServerSocketFactory)
                ? ServerSocketChannel.open().socket() : factory.createServerSocket();
        try {
            if (serverSocket instanceof SSLServerSocket ssl) {
                // Boot's SslBundle context does not apply the bundle's protocols and ciphers itself
                ssl.setEnabledProtocols(tlsProtocols.toArray(String[]::new));
                if (!tlsCiphers.isEmpty()) {
                    ssl.setEnabledCipherSuites(tlsCiphers.toArray(String[]::new));
                }
            }
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
