package dev.fileserver.client.delete;

import dev.fileserver.client.CancelledException;
import dev.fileserver.client.ClientException;
import dev.fileserver.client.Confirmation;
import dev.fileserver.client.RemotePaths;
import dev.fileserver.client.connection.FileServerConnection;
import dev.fileserver.client.connection.RemoteException;

/**
 * {@code /delete PATH}: the server names the type, the client answers {@code y} or {@code n}, and
 * on {@code y} the server deletes (a folder with everything in it) and says so.
 */
public final class Deletion {

    private static final String SUCCESS_SUFFIX = "deleted successfully.";

    private Deletion() {
    }

    /** Deletes {@code remotePath} once {@code confirmation} agrees; returns the server's report. */
    public static String run(FileServerConnection connection, String remotePath, Confirmation confirmation)
            throws ClientException {
        connection.request("/delete", remotePath);
        String type = connection.receive();
        String question;
        switch (type) {
            case "file" -> question = "Delete file '" + display(remotePath) + "'?";
            case "dir" -> question = "Delete directory '" + display(remotePath) + "' and everything in it?";
            case "not_found" -> throw new RemoteException(connection.receive());
            default -> throw new RemoteException(type);
        }
        boolean agreed;
        try {
            agreed = confirmation.confirm(question);
        }
        catch (ClientException | RuntimeException e) {
            connection.send("n");
            throw e;
        }
        if (!agreed) {
            connection.send("n");
            throw new CancelledException("Delete cancelled: nothing was deleted.");
        }
        connection.send("y");
        String report = connection.receive();
        if (!report.endsWith(SUCCESS_SUFFIX)) {
            throw new RemoteException(report);
        }
        return report;
    }

    private static String display(String remotePath) {
        String name = RemotePaths.baseName(remotePath);
        return name.isEmpty() ? remotePath : remotePath.strip();
    }
}
