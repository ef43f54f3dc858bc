package dev.fileserver.client.delete;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.Confirmation;
import dev.fileserver.client.connection.ConfirmationTurn;
import dev.fileserver.client.connection.RemoteException;
import dev.fileserver.client.connection.ServerChannel;

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
        channel.request("/delete", remotePath);
        String type = channel.receive();
        String question;
        switch (type) {
            case "file" -> question = "Delete file '" + remotePath.strip() + "'?";
            case "dir" -> question = "Delete directory '" + remotePath.strip() + "' and everything in it?";
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
}
