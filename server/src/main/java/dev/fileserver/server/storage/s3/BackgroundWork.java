package dev.fileserver.server.storage.s3;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Requests one upload sends to the store while it goes on receiving, at most {@code limit} at once.
 * A slot is taken before the work is prepared (a part buffer filled), so the limit also bounds what
 * waits to be sent. The first failure is kept: every later call rethrows it, so the client hears of
 * it as early as the upload next moves. Used by one thread at a time (the upload's own).
 */
final class BackgroundWork {

    /** One request, run on a pool thread. */
    interface Request {
        void run() throws Exception;
    }

    private final Executor executor;

    private final int limit;

    private final Semaphore slots;

    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    BackgroundWork(Executor executor, int limit) {
        this.executor = executor;
        this.limit = limit;
        this.slots = new Semaphore(limit);
    }

    /** Takes a slot for the next request, waiting while all are busy; rethrows an earlier failure. */
    void reserve() throws IOException {
        rethrowFailure();
        acquire(1);
        if (failure.get() != null) {
            slots.release();
            rethrowFailure();
        }
    }

    /** Runs {@code request} in the slot taken by {@link #reserve()}; {@code afterwards} runs whatever happened. */
    void submit(Request request, Runnable afterwards) {
        executor.execute(() -> {
            try {
                request.run();
            }
            catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
            finally {
                try {
                    afterwards.run();
                }
                finally {
                    slots.release();
                }
            }
        });
    }

    /** {@link #reserve()} and {@link #submit} in one. */
    void run(Request request) throws IOException {
        reserve();
        submit(request, () -> {
        });
    }

    /** Gives back a reserved slot that was not used. */
    void release() {
        slots.release();
    }

    /** Waits until every request sent has ended; rethrows the first failure. */
    void awaitAll() throws IOException {
        acquire(limit);
        slots.release(limit);
        rethrowFailure();
    }

    /**
     * Runs {@code cleanup} on a pool thread once every request sent has ended, whatever their outcome,
     * so that whoever gives up on an upload need not wait for the store.
     */
    void afterAll(Runnable cleanup) {
        executor.execute(() -> {
            slots.acquireUninterruptibly(limit);
            slots.release(limit);
            cleanup.run();
        });
    }

    void rethrowFailure() throws IOException {
        Throwable first = failure.get();
        if (first == null) {
            return;
        }
        if (first instanceof IOException io) {
            throw new IOException(io.getMessage(), io);
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IOException(first);
    }

    private void acquire(int permits) throws InterruptedIOException {
        try {
            slots.acquire(permits);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the object store");
        }
    }
}
