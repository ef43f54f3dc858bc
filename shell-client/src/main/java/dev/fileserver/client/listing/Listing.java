package dev.fileserver.client.listing;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.connection.RemoteException;
import dev.fileserver.client.connection.ServerChannel;

/**
 * {@code /list} and {@code /tree}: after the argument check, a second status ({@code ok},
 * {@code FILEError} or {@code OSError}) and one text frame, the listing or the error message.
 */
public final class Listing {

    private static final String NOT_FOUND = "FILEError";

    private static final String OS_ERROR = "OSError";

    private Listing() {
    }

    /** The names in a remote folder, in the server's order. */
    public static String list(ServerChannel channel, String path) throws ClientException {
        return fetch(channel, "/list", path);
    }

    /** The remote folder drawn as a tree, its base name on the first line. */
    public static String tree(ServerChannel channel, String path) throws ClientException {
        return fetch(channel, "/tree", path);
    }

    private static String fetch(ServerChannel channel, String command, String path)
            throws ClientException {
        channel.request(command, path);
        String status = channel.receive();
        if (ServerChannel.OK.equals(status)) {
            return channel.receive();
        }
        if (NOT_FOUND.equals(status) || OS_ERROR.equals(status)) {
            throw new RemoteException(channel.receive());
        }
        // not v1: a server that reports a failure in one frame
        throw new RemoteException(status);
    }
}
