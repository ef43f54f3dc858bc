package dev.fileserver.server.storage;

/**
 * A request that cannot be carried out, with the text the client is shown. Subclasses name the
 * cause; the conversation turns any of them into one error frame.
 */
public class RequestRefusedException extends RuntimeException {

    public RequestRefusedException(String clientMessage) {
        super(clientMessage);
    }

    public RequestRefusedException(String clientMessage, Throwable cause) {
        super(clientMessage, cause);
    }
}
