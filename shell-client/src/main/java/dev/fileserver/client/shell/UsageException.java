package dev.fileserver.client.shell;

import dev.fileserver.client.ClientException;

/** The command line was wrong: unknown command, missing or extra argument. */
public class UsageException extends ClientException {

    public UsageException(String message) {
        super(message, null, USAGE, true);
    }
}
