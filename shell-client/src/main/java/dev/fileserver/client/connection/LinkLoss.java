package dev.fileserver.client.connection;

import java.io.IOException;

/**
 * What happens when I/O on the link fails: the link is closed, since the server is at an unknown
 * step of the conversation, and the failure comes back in the words the user reads.
 */
@FunctionalInterface
interface LinkLoss {

    ConnectionFailedException lost(IOException cause);

    /** Runs one exchange on the link; its failure ends the link. */
    default <T> T guard(Exchange<T> exchange) throws ConnectionFailedException {
        try {
            return exchange.run();
        }
        catch (IOException e) {
            throw lost(e);
        }
    }

    /** Like {@link #guard(Exchange)}, for an exchange with nothing to return. */
    default void guard(Step step) throws ConnectionFailedException {
        guard(() -> {
            step.run();
            return null;
        });
    }

    @FunctionalInterface
    interface Exchange<T> {

        T run() throws IOException;
    }

    @FunctionalInterface
    interface Step {

        void run() throws IOException;
    }
}
