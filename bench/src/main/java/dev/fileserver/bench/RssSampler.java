package dev.fileserver.bench;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import dev.fileserver.testsupport.ProcessMemory;

/**
 * Samples a process's resident memory every few milliseconds on a thread of its own and keeps
 * the largest value seen since the last {@link #restart()}: a transfer's peak, which VmHWM cannot
 * give since it also counts the process's start-up.
 */
final class RssSampler implements AutoCloseable {

    private static final long PERIOD_MILLIS = 5;

    private final long pid;

    private final AtomicLong peak = new AtomicLong();

    private final Thread thread;

    private volatile boolean running = true;

    RssSampler(long pid) {
        this.pid = pid;
        this.thread = new Thread(this::sample, "rss-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Forgets the peak so far. */
    void restart() {
        peak.set(0);
    }

    /** The largest resident size seen since {@link #restart()}, the current one included. */
    long peakBytes() {
        sampleOnce();
        return peak.get();
    }

    private void sample() {
        while (running) {
            sampleOnce();
            try {
                Thread.sleep(PERIOD_MILLIS);
            }
            catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleOnce() {
        try {
            long resident = ProcessMemory.residentBytes(pid);
            peak.accumulateAndGet(resident, Math::max);
        }
        catch (IOException | RuntimeException e) {
            // the process is gone; nothing more to sample
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(1000);
    }
}
