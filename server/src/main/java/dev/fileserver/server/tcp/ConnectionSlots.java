package dev.fileserver.server.tcp;

import java.util.concurrent.Semaphore;

/**
 * The {@code max-clients} policy: a connection holds a slot from its greeting until it ends,
 * however it ends, so the slot is free again the moment a session is over.
 */
public final class ConnectionSlots {

    private final int capacity;

    private final Semaphore free;

    public ConnectionSlots(int capacity) {
        this.capacity = capacity;
        this.free = new Semaphore(capacity);
    }

    boolean tryAcquire() {
        return free.tryAcquire();
    }

    void release() {
        free.release();
    }

    public int capacity() {
        return capacity;
    }

    public int inUse() {
        return capacity - free.availablePermits();
    }
}
