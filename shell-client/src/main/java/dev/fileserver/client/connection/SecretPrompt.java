package dev.fileserver.client.connection;

import dev.fileserver.client.ClientException;

/** Asks the person at the terminal for an account's password, without echoing it. */
@FunctionalInterface
public interface SecretPrompt {

    SecretPrompt NO_ONE_TO_ASK = (user, address) -> {
        throw new LoginRefusedException("Error: no password for '" + user + "' on " + address
                + ": set FILESERVER_PASSWORD or FILESERVER_TOKEN, or run at a terminal to be asked");
    };

    String secretFor(String user, ServerAddress address) throws ClientException;
}
