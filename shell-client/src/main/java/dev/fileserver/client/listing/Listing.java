package dev.fileserver.client.listing;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.connection.FileServerConnection;
import dev.fileserver.client.connection.RemoteException;

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
    public static String list(FileServerConnection connection, String path) throws ClientException {
        return fetch(connection, "/list", path);
    }

    /** The remote folder drawn as a tree, its base name on the first line. */
    public static String tree(FileServerConnection connection, String path) throws ClientException {
        return fetch(connection, "/tree", path);
    }

    private static String fetch(FileServerConnection connection, String command, String path)
            throws ClientException {
        connection.request(command, path);
        String status = connection.receive();
        if (FileServerConnection.OK.equals(status)) {
            return connection.receive();
        }
        if (NOT_FOUND.equals(status) || OS_ERROR.equals(status)) {
            throw new RemoteException(connection.receive());
        }
        // not v1: a server that reports a failure in one frame
        throw new RemoteException(status);
    }
}
