package dev.fileserver.server.command;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import dev.fileserver.wire.Transfer;

/**
 * Direct buffers for uploads read by channel, handed back after each upload and kept for the next:
 * allocating one per upload would leave each to the garbage collector to free, and a buffer per
 * connection would cost every idle one. At most {@link #KEPT} are kept; more uploads at once
 * allocate their own.
 */
final class UploadBuffers {

    static final int KEPT = 16;

    private final Queue<ByteBuffer> free = new ConcurrentLinkedQueue<>();

    private final AtomicInteger kept = new AtomicInteger();

    ByteBuffer take() {
        ByteBuffer buffer = free.poll();
        if (buffer == null) {
            return ByteBuffer.allocateDirect(Transfer.BULK_BUFFER_SIZE);
        }
        kept.decrementAndGet();
        return buffer.clear();
    }

    void giveBack(ByteBuffer buffer) {
        if (kept.incrementAndGet() <= KEPT) {
            free.add(buffer);
        }
        else {
            kept.decrementAndGet();
        }
    }
}
