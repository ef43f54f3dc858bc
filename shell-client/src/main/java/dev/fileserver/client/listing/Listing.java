package dev.fileserver.client.listing;

import java.util.List;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.connection.ExtensionMissingException;
import dev.fileserver.client.connection.RemoteException;
import dev.fileserver.client.connection.ServerChannel;
import dev.fileserver.wire.listing.EntryLine;

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

    /** Each entry of a remote folder with its type, size, mode and time. */
    public static List<EntryLine> listLong(ServerChannel channel, String path) throws ClientException {
        ExtensionMissingException.require(channel.capabilities().listLong(), "ls -l", "list-long");
        return parse(fetch(channel, "/list-long", path), false);
    }

    /** The remote folder itself (depth 0), then everything below it, depth first, with sizes. */
    public static List<EntryLine> treeLong(ServerChannel channel, String path) throws ClientException {
        ExtensionMissingException.require(channel.capabilities().treeLong(), "tree -s", "tree-long");
        return parse(fetch(channel, "/tree-long", path), true);
    }

    /** What one remote path is. */
    public static EntryLine stat(ServerChannel channel, String path) throws ClientException {
        ExtensionMissingException.require(channel.capabilities().stat(), "stat", "stat");
        List<EntryLine> lines = parse(fetch(channel, "/stat", path), false);
        if (lines.size() != 1) {
            throw new RemoteException("Error: the server answered stat with " + lines.size() + " lines");
        }
        return lines.get(0);
    }

    private static List<EntryLine> parse(String text, boolean inTree) throws RemoteException {
        try {
            return EntryLine.parseAll(text, inTree);
        }
        catch (IllegalArgumentException e) {
            throw new RemoteException("Error: the server sent a listing that cannot be read: " + e.getMessage());
        }
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
