package dev.fileserver.client;

/** The user answered no to a confirmation: the refusal was sent and nothing changed. */
public class CancelledException extends ClientException {

    public CancelledException(String message) {
        super(message, null, FAILED, true);
    }
}
