package dev.fileserver.client;

/**
 * Asks the user a yes/no question in the middle of a conversation, while the server waits for
 * the answer. Throwing (no one to ask) counts as no: the refusal is still sent to the server.
 */
@FunctionalInterface
public interface Confirmation {

    Confirmation YES = question -> true;

    /** @param question what is about to happen, e.g. {@code Delete file 'a.txt'?} */
    boolean confirm(String question) throws ClientException;
}
