package dev.fileserver.server.storage.s3;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What moving bytes to and from the store costs, shared by every upload and download: the part
 * buffers, how many one upload may hold, and the threads that send requests in the background
 * (as many as requests in flight, which the buffers and each operation's own limit bound).
 */
final class Transfers implements AutoCloseable {

    /** Requests a listing sends at once for what it cannot get from the listing itself (modes). */
    static final int LOOKUPS_IN_FLIGHT = 16;

    /** Copies a folder upload sends at once while publishing. */
    static final int COPIES_IN_FLIGHT = 16;

    /** Small files (and folder markers) one folder upload puts at once, each held whole meanwhile. */
    static final int SMALL_PUTS_IN_FLIGHT = 16;

    private final PartBuffers buffers;

    private final int partsInFlight;

    private final ExecutorService executor;

    Transfers(PartBuffers buffers, int partsInFlight) {
        this.buffers = buffers;
        this.partsInFlight = partsInFlight;
        this.executor = Executors.newCachedThreadPool(daemonThreads());
    }

    PartBuffers buffers() {
        return buffers;
    }

    ExecutorService executor() {
        return executor;
    }

    /** The background work of one upload: at most {@code parts-in-flight} part buffers. */
    BackgroundWork forUpload() {
        return new BackgroundWork(executor, partsInFlight);
    }

    BackgroundWork limitedTo(int requests) {
        return new BackgroundWork(executor, requests);
    }

    /** Connections the HTTP client needs so that no request in flight waits for one. */
    int connectionsNeeded() {
        return buffers.count() + LOOKUPS_IN_FLIGHT + COPIES_IN_FLIGHT + SMALL_PUTS_IN_FLIGHT + ReadAhead.AHEAD + 64;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "s3-transfer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
