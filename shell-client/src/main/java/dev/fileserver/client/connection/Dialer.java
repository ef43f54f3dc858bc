package dev.fileserver.client.connection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.tls.ServerTls;

/** Opens and closes the connection under a link: TCP, then TLS when the address asks for it. */
final class Dialer {

    private Dialer() {
    }

    /**
     * Connects within the connect timeout; replies then have the read timeout. Requests are small
     * frames answered at once, so Nagle's delay would only slow every turn down.
     */
    static Socket connect(ServerAddress address, ConnectionSettings settings) throws ClientException {
        Socket socket = tcp(address, settings);
        if (!address.tls()) {
            return socket;
        }
        if (settings.trust() == null) {
            hangUp(socket);
            throw new ConnectionFailedException("Error: this client has no TLS settings for " + address);
        }
        try {
            // the handshake is bounded like the connect: the read timeout would be far too long
            socket.setSoTimeout((int) settings.connectTimeout().toMillis());
            Socket secured = ServerTls.secure(socket, address.host(), address.port(), settings.trust(),
                    () -> tcp(address, settings));
            secured.setSoTimeout((int) settings.readTimeout().toMillis());
            return secured;
        }
        catch (IOException e) {
            hangUp(socket);
            throw ConnectionFailedException.cannotConnect(address, e, settings.connectTimeout());
        }
    }

    private static Socket tcp(ServerAddress address, ConnectionSettings settings) throws ConnectionFailedException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address.host(), address.port()),
                    (int) settings.connectTimeout().toMillis());
            socket.setSoTimeout((int) settings.readTimeout().toMillis());
            return socket;
        }
        catch (IOException e) {
            hangUp(socket);
            throw ConnectionFailedException.cannotConnect(address, e, settings.connectTimeout());
        }
    }

    static void hangUp(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ignored) {
            // nothing left to release
        }
    }
}
