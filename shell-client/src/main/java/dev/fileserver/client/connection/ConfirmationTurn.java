package dev.fileserver.client.connection;

import dev.fileserver.client.CancelledException;
import dev.fileserver.client.ClientException;
import dev.fileserver.client.Confirmation;

/** The {@code y}/{@code n} turn of a v1 conversation, while the server waits for it. */
public final class ConfirmationTurn {

    private ConfirmationTurn() {
    }

    /**
     * Asks {@code question} and answers the server {@code y} or {@code n}. A refusal, or no one to ask,
     * still sends {@code n}, so the server ends the request and the connection stays in step.
     */
    public static void answer(ServerChannel channel, Confirmation confirmation, String question,
            String whenRefused) throws ClientException {
        answer(channel, confirmation, question, whenRefused, "y");
    }

    /** As {@link #answer(ServerChannel, Confirmation, String, String)}, agreeing with {@code yes}: {@code y} and any extension options. */
    public static void answer(ServerChannel channel, Confirmation confirmation, String question,
            String whenRefused, String yes) throws ClientException {
        boolean agreed;
        try {
            agreed = confirmation.confirm(question);
        }
        catch (ClientException | RuntimeException e) {
            channel.send("n");
            throw e;
        }
        if (!agreed) {
            channel.send("n");
            throw new CancelledException(whenRefused);
        }
        channel.send(yes);
    }
}
