package dev.fileserver.server.storage.s3;

import java.io.InterruptedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * The part buffers every upload shares: at most {@code limit / partSize} exist at once, so the memory
 * uploads hold is bounded whatever the number of clients and the size of their files. A buffer is
 * kept for the next part once given back: a part is large, and allocating one per part would keep
 * the collector busy for nothing.
 */
final class PartBuffers {

    private final int partSize;

    private final int count;

    private final Semaphore available;

    private final Queue<byte[]> idle = new ConcurrentLinkedQueue<>();

    PartBuffers(long partSize, long limitBytes) {
        if (partSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a part buffer is one array: at most 2GB");
        }
        this.partSize = (int) partSize;
        this.count = (int) Math.max(1, Math.min(Integer.MAX_VALUE, limitBytes / partSize));
        this.available = new Semaphore(count, true);
    }

    int partSize() {
        return partSize;
    }

    /** How many buffers may exist at once. */
    int count() {
        return count;
    }

    /** A buffer of {@link #partSize()} bytes; waits while every buffer is taken. */
    byte[] take() throws InterruptedIOException {
        try {
            available.acquire();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an upload buffer");
        }
        byte[] buffer = idle.poll();
        return buffer != null ? buffer : new byte[partSize];
    }

    /** Gives back a buffer taken with {@link #take()}, once nothing reads it any more. */
    void give(byte[] buffer) {
        idle.add(buffer);
        available.release();
    }
}
