package dev.fileserver.client.connection;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

import dev.fileserver.client.ClientException;
import dev.fileserver.wire.FrameReader;
import dev.fileserver.wire.FrameWriter;
import dev.fileserver.wire.Transfer;

/**
 * One TCP connection to a v1 server, from the greeting to the goodbye. Conversations talk on its
 * {@link #channel()}; whatever fails there closes the link, and the session opens a new one.
 */
public final class ServerLink implements Closeable {

    private static final int GOODBYE_TIMEOUT_MILLIS = 2000;

    private final ServerAddress address;

    private final Socket socket;

    private final ServerChannel channel;

    private final IdleProbe idleProbe;

    private Account account = Account.ANONYMOUS;

    private volatile boolean interrupted;

    private ServerLink(ServerAddress address, Socket socket, ConnectionSettings settings) throws IOException {
        this.address = address;
        this.socket = socket;
        BufferedInputStream socketIn = new BufferedInputStream(socket.getInputStream(), Transfer.BUFFER_SIZE);
        OutputStream out = SocketStreams.output(new BufferedOutputStream(socket.getOutputStream(),
                Transfer.BUFFER_SIZE));
        FrameReader reader = new FrameReader(SocketStreams.input(socketIn, settings.readTimeout()),
                settings.frameLimits());
        FrameWriter writer = new FrameWriter(out);
        this.channel = new ServerChannel(reader, writer, new FileFrames(reader, writer, out, this::lost), this::lost);
        this.idleProbe = new IdleProbe(socket, socketIn, settings.readTimeout());
    }

    /**
     * Connects, reads the greeting, if allowed asks for the server's extensions, and logs in when
     * the settings name an account.
     */
    public static ServerLink open(ServerAddress address, ConnectionSettings settings) throws ClientException {
        Socket socket = Dialer.connect(address, settings);
        ServerLink link;
        try {
            link = new ServerLink(address, socket, settings);
        }
        catch (IOException e) {
            Dialer.hangUp(socket);
            throw ConnectionFailedException.cannotConnect(address, e, settings.connectTimeout());
        }
        try {
            Handshake.greeting(link.channel, address);
            if (settings.negotiateCapabilities()) {
                Handshake.negotiate(link.channel);
            }
            link.account = Login.logIn(link.channel, address, settings.credentials());
            return link;
        }
        catch (ClientException e) {
            link.close();
            throw e;
        }
    }

    public ServerAddress address() {
        return address;
    }

    /** Who the server knows this link as. */
    public Account account() {
        return account;
    }

    public ServerChannel channel() {
        return channel;
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    /** Whether the server hung up while this link sat idle, found out without blocking. */
    public boolean closedWhileIdle() {
        return idleProbe.serverHungUp();
    }

    /**
     * Ends the session as a v1 client does ({@code /exit}, then {@code y}) and closes. A server that
     * does not answer quickly is not waited for: leaving must not hang.
     */
    public void goodbye() {
        try {
            socket.setSoTimeout(GOODBYE_TIMEOUT_MILLIS);
            channel.request("/exit", null);
            channel.send("y");
        }
        catch (IOException | ClientException ignored) {
            // the server may already be gone; closing is all that is left either way
        }
        finally {
            close();
        }
    }

    /** Cuts the link from another thread; what was blocked on it fails as interrupted. */
    public void interrupt() {
        interrupted = true;
        close();
    }

    /** Closes the socket at once. */
    @Override
    public void close() {
        Dialer.hangUp(socket);
    }

    private ConnectionFailedException lost(IOException e) {
        close();
        return interrupted ? ConnectionFailedException.interrupted(address, e)
                : ConnectionFailedException.lost(address, e);
    }
}
