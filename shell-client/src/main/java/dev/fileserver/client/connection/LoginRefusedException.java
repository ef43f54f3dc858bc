package dev.fileserver.client.connection;

import dev.fileserver.client.ClientException;

/** The server would not let this client in as the account it named, or no secret was at hand. */
public class LoginRefusedException extends ClientException {

    public LoginRefusedException(String message) {
        super(message, null, FAILED, false);
    }
}
