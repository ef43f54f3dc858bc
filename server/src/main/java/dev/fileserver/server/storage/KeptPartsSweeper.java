package dev.fileserver.server.storage;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Removes the kept parts of interrupted uploads once their time is up: at start, then every tenth
 * of the keeping time (between a second and ten minutes), so a part outlives its time by a tenth
 * at most. One daemon thread, stopped with the application.
 */
public final class KeptPartsSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KeptPartsSweeper.class);

    private final FileStore store;

    private final HomeFolders homes;

    private final Duration every;

    private ScheduledExecutorService timer;

    public KeptPartsSweeper(FileStore store, HomeFolders homes, Duration keepFor) {
        this.store = store;
        this.homes = homes;
        long tenth = keepFor.toMillis() / 10;
        this.every = Duration.ofMillis(Math.max(1000, Math.min(tenth, Duration.ofMinutes(10).toMillis())));
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kept-parts-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sweep, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            int removed = store.removeExpiredParts() + homes.removeExpiredParts();
            if (removed > 0) {
                log.info("Removed {} kept parts of interrupted uploads whose time was up", removed);
            }
        }
        catch (RuntimeException e) {
            log.warn("Could not remove expired parts of interrupted uploads: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
