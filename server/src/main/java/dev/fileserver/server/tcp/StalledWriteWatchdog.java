package dev.fileserver.server.tcp;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.fileserver.server.session.Session;
import dev.fileserver.server.session.SessionRegistry;

/**
 * The idle timeout for the other direction: a socket read times out by itself, a blocked write
 * does not, so a client that requests a download and stops reading is closed from here once its
 * reply has made no progress for the idle timeout. The same holds for upload content read by
 * channel, which no socket timeout bounds either.
 */
final class StalledWriteWatchdog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StalledWriteWatchdog.class);

    private final SessionRegistry sessions;

    private final Duration timeout;

    private ScheduledExecutorService scheduler;

    StalledWriteWatchdog(SessionRegistry sessions, Duration timeout) {
        this.sessions = sessions;
        this.timeout = timeout;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fileserver-write-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(10, Math.min(1000, timeout.toMillis() / 4));
        scheduler.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    private void check() {
        for (Session session : sessions.all()) {
            if (session.closeIfStalled(timeout.toNanos())) {
                log.info("{} closed: its transfer has made no progress for {}", session, timeout);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Stopped after the listener's grace period, during which a stalled download must still be cut. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
