package dev.fileserver.client.tls;

import dev.fileserver.client.ClientException;

/** The server's certificate is not one this client may trust; nothing was sent to it. */
public class UntrustedServerException extends ClientException {

    UntrustedServerException(String message) {
        super(message, null, FAILED, false);
    }
}
