package dev.fileserver.client.connection;

import dev.fileserver.client.ClientException;

/**
 * The server did not offer an extension a command needs: a v1 server, which would answer such a
 * request with a bare {@code ok} and leave the client waiting, is never sent one.
 */
public class ExtensionMissingException extends ClientException {

    public ExtensionMissingException(String command, String capability) {
        super("Error: " + command + " needs the server's '" + capability
                + "' extension, which this server does not offer (a v1 server offers none)", null, FAILED, true);
    }

    /** Refuses unless {@code offered}. */
    public static void require(boolean offered, String command, String capability) throws ExtensionMissingException {
        if (!offered) {
            throw new ExtensionMissingException(command, capability);
        }
    }
}
