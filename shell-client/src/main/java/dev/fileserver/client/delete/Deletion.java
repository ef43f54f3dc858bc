package dev.fileserver.client.delete;

import java.util.List;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.Confirmation;
import dev.fileserver.client.connection.ConfirmationTurn;
import dev.fileserver.client.connection.RemoteException;
import dev.fileserver.client.connection.ServerChannel;
import dev.fileserver.client.listing.EntryFormat;
import dev.fileserver.client.listing.Listing;
import dev.fileserver.client.progress.Sizes;
import dev.fileserver.wire.listing.EntryLine;

/**
 * {@code /delete PATH}: the server names the type, the client answers {@code y} or {@code n}, and
 * on {@code y} the server deletes (a folder with everything in it) and says so.
 */
public final class Deletion {

    private static final String SUCCESS_SUFFIX = "deleted successfully.";

    private Deletion() {
    }

    /** Deletes {@code remotePath} once {@code confirmation} agrees; returns the server's report. */
    public static String run(ServerChannel channel, String remotePath, Confirmation confirmation)
            throws ClientException {
        String contents = folderContents(channel, remotePath);
        channel.request("/delete", remotePath);
        String type = channel.receive();
        String question;
        switch (type) {
            case "file" -> question = "Delete file '" + remotePath.strip() + "'?";
            case "dir" -> question = "Delete directory '" + remotePath.strip() + "' and everything in it" + contents
                    + "?";
            case "not_found" -> throw new RemoteException(channel.receive());
            default -> throw new RemoteException(type);
        }
        ConfirmationTurn.answer(channel, confirmation, question, "Delete cancelled: nothing was deleted.");
        String report = channel.receive();
        if (!report.endsWith(SUCCESS_SUFFIX)) {
            throw new RemoteException(report);
        }
        return report;
    }

    /**
     * What deleting a folder would remove, as {@code " (12 files, 3.4 MiB)"}, asked before the
     * delete (the server cannot be asked anything while it waits for the answer); empty for a
     * file, for a tree too long to list, and for a server without {@code tree-long}.
     */
    private static String folderContents(ServerChannel channel, String remotePath) throws ClientException {
        if (!channel.capabilities().treeLong()) {
            return "";
        }
        List<EntryLine> tree;
        try {
            tree = Listing.treeLong(channel, remotePath);
        }
        catch (RemoteException e) {
            // not a folder, not there, too long: the delete itself says what it has to say
            return "";
        }
        long[] filesAndBytes = EntryFormat.fileCountAndBytes(tree);
        return " (" + filesAndBytes[0] + (filesAndBytes[0] == 1 ? " file, " : " files, ") + Sizes.bytes(filesAndBytes[1])
                + ")";
    }
}
