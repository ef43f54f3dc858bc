package dev.fileserver.client.mkdir;

import dev.fileserver.client.ClientException;
import dev.fileserver.client.connection.ExtensionMissingException;
import dev.fileserver.client.connection.ServerChannel;

/**
 * {@code /mkdir PATH} and {@code /mkdirs PATH} (the {@code mkdir} extension): after the path's
 * check, one frame saying it was created; a refusal is the one error frame instead.
 */
public final class FolderCreation {

    private FolderCreation() {
    }

    /** Makes the server folder {@code path}, and with {@code parents} every missing one above it. */
    public static String run(ServerChannel channel, String path, boolean parents) throws ClientException {
        ExtensionMissingException.require(channel.capabilities().mkdir(), "mkdir", "mkdir");
        channel.request(parents ? "/mkdirs" : "/mkdir", path);
        return channel.receive();
    }
}
