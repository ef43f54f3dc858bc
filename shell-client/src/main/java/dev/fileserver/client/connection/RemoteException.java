package dev.fileserver.client.connection;

import dev.fileserver.client.ClientException;

/**
 * The server answered the request with an error text (outside the root, not found, not a
 * directory, ...), which ended the request: the connection is ready for the next one.
 */
public class RemoteException extends ClientException {

    public RemoteException(String serverText) {
        super(asErrorLine(serverText), null, FAILED, true);
    }

    /** v1 messages mostly start with {@code Error: } already; some do not, and a few span lines. */
    private static String asErrorLine(String text) {
        String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.regionMatches(true, 0, "Error", 0, 5) ? line : "Error: " + line;
    }
}
