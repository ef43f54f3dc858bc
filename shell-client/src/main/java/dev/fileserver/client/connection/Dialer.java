package dev.fileserver.client.connection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Opens and closes the TCP connection under a link. */
final class Dialer {

    private Dialer() {
    }

    /**
     * Connects within the connect timeout; replies then have the read timeout. Requests are small
     * frames answered at once, so Nagle's delay would only slow every turn down.
     */
    static Socket connect(ServerAddress address, ConnectionSettings settings) throws ConnectionFailedException {
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
