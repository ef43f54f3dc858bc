package dev.fileserver.server.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded pipe from the thread that receives an upload to the one that unpacks it as it arrives.
 * Unlike {@link java.io.PipedInputStream} it does not depend on which threads are alive, and either
 * end may stop: once the reader stops (an archive refused, or read to its end), the writer's bytes
 * are dropped, so the connection still reads the whole frame and stays in step.
 */
final class ByteHandoff {

    private final byte[] ring;

    private final ReentrantLock lock = new ReentrantLock();

    private final Condition changed = lock.newCondition();

    private int start;

    private int count;

    private boolean writerDone;

    private boolean readerDone;

    private boolean writerFailed;

    ByteHandoff(int capacity) {
        this.ring = new byte[capacity];
    }

    /**
     * Hands bytes to the reader, waiting while the pipe is full; drops them once the reader has stopped.
     * Returns false when the reader has stopped.
     */
    boolean write(byte[] bytes, int offset, int length) throws InterruptedIOException {
        int from = offset;
        int left = length;
        lock.lock();
        try {
            while (left > 0 && !readerDone) {
                while (count == ring.length && !readerDone) {
                    await();
                }
                if (readerDone) {
                    break;
                }
                int end = (start + count) % ring.length;
                int chunk = Math.min(left, Math.min(ring.length - count, ring.length - end));
                System.arraycopy(bytes, from, ring, end, chunk);
                count += chunk;
                from += chunk;
                left -= chunk;
                changed.signalAll();
            }
            return !readerDone;
        }
        finally {
            lock.unlock();
        }
    }

    /** No more bytes: the reader sees the end of the stream once it has read what is left. */
    void finishWriting() {
        endWriting(false);
    }

    /** The upload was given up: the reader fails instead of seeing an end it could take for a whole archive. */
    void failWriting() {
        endWriting(true);
    }

    private void endWriting(boolean failed) {
        lock.lock();
        try {
            writerDone = true;
            writerFailed = failed;
            if (failed) {
                count = 0;
            }
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /** The reader's end; closing it stops the pipe for the writer too. */
    InputStream input() {
        return new InputStream() {

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                lock.lock();
                try {
                    while (count == 0 && !writerDone) {
                        await();
                    }
                    if (count == 0) {
                        if (writerFailed) {
                            throw new IOException("the upload was given up");
                        }
                        return -1;
                    }
                    int chunk = Math.min(length, Math.min(count, ring.length - start));
                    System.arraycopy(ring, start, bytes, offset, chunk);
                    start = (start + chunk) % ring.length;
                    count -= chunk;
                    changed.signalAll();
                    return chunk;
                }
                finally {
                    lock.unlock();
                }
            }

            @Override
            public void close() {
                lock.lock();
                try {
                    readerDone = true;
                    count = 0;
                    changed.signalAll();
                }
                finally {
                    lock.unlock();
                }
            }
        };
    }

    private void await() throws InterruptedIOException {
        try {
            changed.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing over an upload");
        }
    }
}
