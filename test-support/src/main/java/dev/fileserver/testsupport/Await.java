package dev.fileserver.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Polls for something to become true, instead of sleeping for a guessed while. */
public final class Await {

    /** Far longer than anything awaited should take: reaching it means the awaited thing never happens. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    public interface Condition {

        boolean holds() throws Exception;
    }

    /** Polls {@code condition} for up to {@link #PATIENCE}; see {@link #until(String, Duration, Condition)}. */
    public static void until(String what, Condition condition) throws Exception {
        until(what, PATIENCE, condition);
    }

    /**
     * Returns once {@code condition} holds; throws a {@link TimeoutException} naming {@code what} if it
     * still does not after {@code patience}, and whatever the condition throws.
     */
    public static void until(String what, Duration patience, Condition condition) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("still not true after " + patience.toMillis() + " ms: " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
