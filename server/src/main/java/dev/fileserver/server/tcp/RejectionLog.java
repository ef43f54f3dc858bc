package dev.fileserver.server.tcp;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs turned-away connections once per burst, not once each: a flood of connections must not
 * become a flood of log lines. The first rejection of a burst is logged as it happens; those that
 * follow within {@link #BURST} are counted, and logged as one line when the burst is over.
 */
final class RejectionLog {

    static final Duration BURST = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(RejectionLog.class);

    private final Map<Rejection, Integer> counted = new EnumMap<>(Rejection.class);

    private boolean inBurst;

    void rejected(String who, Rejection rejection) {
        synchronized (this) {
            if (inBurst) {
                counted.merge(rejection, 1, Integer::sum);
                return;
            }
            inBurst = true;
        }
        log.info("{} rejected: {}; further rejections in the next {} s are counted in one line", who,
                rejection.reason(), BURST.toSeconds());
        // the JDK's shared delay thread: nothing of our own to start or stop for a line every ten seconds
        CompletableFuture.delayedExecutor(BURST.toMillis(), TimeUnit.MILLISECONDS).execute(this::endBurst);
    }

    private void endBurst() {
        Map<Rejection, Integer> burst;
        synchronized (this) {
            burst = new EnumMap<>(counted);
            counted.clear();
            inBurst = false;
        }
        if (!burst.isEmpty()) {
            int total = burst.values().stream().mapToInt(Integer::intValue).sum();
            log.info("{} more connections rejected in the last {} s: {}", total, BURST.toSeconds(), describe(burst));
        }
    }

    private static String describe(Map<Rejection, Integer> burst) {
        StringBuilder text = new StringBuilder();
        burst.forEach((rejection, count) -> text.append(text.length() == 0 ? "" : ", ").append(rejection.tag())
                .append(' ').append(count));
        return text.toString();
    }
}
