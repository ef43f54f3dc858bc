package dev.fileserver.client.rename;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.connection.ExtensionMissingException;
import dev.fileserver.client.connection.RemoteException;
import dev.fileserver.client.connection.ServerChannel;

/**
 * {@code /rename FROM} (the {@code rename} extension): the server names the type of FROM as for a
 * delete ({@code file}, {@code dir}, or {@code not_found} and why), the client answers with the new
 * path, and the server says it was renamed, or why not.
 */
public final class Renaming {

    private Renaming() {
    }

    /** Renames {@code from} to {@code to} on the server; returns what the server said. */
    public static String run(ServerChannel channel, String from, String to) throws ClientException {
        ExtensionMissingException.require(channel.capabilities().rename(), "rename", "rename");
        channel.request("/rename", from);
        String type = channel.receive();
        if ("not_found".equals(type)) {
            throw new RemoteException(channel.receive());
        }
        if (!"file".equals(type) && !"dir".equals(type)) {
            throw new RemoteException(type);
        }
        channel.send(to);
        String report = channel.receive();
        if (!report.startsWith("'") || !report.endsWith("'.")) {
            throw new RemoteException(report);
        }
        return channel.capabilities().atomicRename() ? report
                : report + " (this server cannot rename in one step: for a moment both names, or neither, may show)";
    }
}
