package dev.fileserver.server.storage;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * Storage housekeeping done at start, then every so often, on one daemon thread of its own that
 * stops with the application; a run that fails says so in the log and the next one comes all the same.
 */
abstract class PeriodicWork implements SmartLifecycle {

    private final String threadName;

    private final Duration every;

    private ScheduledExecutorService timer;

    PeriodicWork(String threadName, Duration every) {
        this.threadName = threadName;
        this.every = every;
    }

    /** One run; a {@code RuntimeException} is for the subclass to log. */
    abstract void run();

    /** Whether there is anything to do at all; asked once, at start. */
    boolean needed() {
        return true;
    }

    @Override
    public synchronized void start() {
        if (!needed()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::run, 0, every.toMillis(), TimeUnit.MILLISECONDS);
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
