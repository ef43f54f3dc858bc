package dev.fileserver.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Polls for something to become true, instead of sleeping for a guessed while. */
public final class Await {

    /** Far longer than anything awaited should take: reaching it means the awaited thing never happens. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    public interface Condition {

        boolean holds() throws Exception;
    }

    /**
     * Returns once {@code condition} holds; throws a {@link TimeoutException} naming {@code what} if it
     * still does not after {@link #PATIENCE}, and whatever the condition throws.
     */
    public static void until(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("still not true after " + PATIENCE.toSeconds() + " s: " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
