package dev.fileserver.server.tcp;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import dev.fileserver.wire.Transfer;

/**
 * A byte rate for one direction of one connection: a token bucket kept as the time its bytes are
 * due (the generic cell rate algorithm), so that paying for a chunk is a clock read, some
 * arithmetic and, when ahead of the rate, a sleep; nothing is allocated per chunk. Content passes
 * in slices of at most an eighth of a second's worth, so that it flows evenly and the stalled-write
 * watchdog sees progress. The bucket holds one slice, or 20 ms worth when that is more (so that a
 * sleep's overshoot is made up, not lost): a connection may run that far ahead of its rate, and time
 * it spent idle is not saved up. An account's limit is a second throttle shared by its connections
 * ({@link TransferRates}), paid after this one; its lock is held only for the arithmetic, never
 * while sleeping.
 *
 * <p>A library would do (Bucket4j, Guava's RateLimiter), but neither is managed by the Spring Boot
 * BOM, and what is needed here is these few lines.
 */
final class Throttle {

    private static final Throttle UNLIMITED = new Throttle(0);

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private static final int MIN_SLICE = 1024;

    private static final long MIN_TOLERANCE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final long bytesPerSecond;

    private final int slice;

    private final long toleranceNanos;

    private long dueNanos = System.nanoTime();

    private Throttle(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.slice = (int) Math.max(MIN_SLICE, Math.min(Transfer.BUFFER_SIZE, bytesPerSecond / 8));
        this.toleranceNanos = bytesPerSecond > 0 ? Math.max(cost(slice), MIN_TOLERANCE_NANOS) : 0;
    }

    /** At most {@code bytesPerSecond}; 0 for no limit. */
    static Throttle of(long bytesPerSecond) {
        return bytesPerSecond > 0 ? new Throttle(bytesPerSecond) : UNLIMITED;
    }

    boolean isLimited() {
        return bytesPerSecond > 0;
    }

    /** {@code in}, read no faster than this rate. */
    InputStream limit(InputStream in) {
        if (!isLimited()) {
            return in;
        }
        return new FilterInputStream(in) {

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    pay(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = in.read(buffer, offset, Math.min(length, slice));
                if (read > 0) {
                    pay(read);
                }
                return read;
            }
        };
    }

    /** {@code out}, written no faster than this rate. */
    OutputStream limit(OutputStream out) {
        if (!isLimited()) {
            return out;
        }
        return new FilterOutputStream(out) {

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                pay(1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                for (int done = 0; done < length; done += slice) {
                    int part = Math.min(slice, length - done);
                    out.write(bytes, offset + done, part);
                    pay(part);
                }
            }
        };
    }

    /** Accounts for {@code bytes} moved; sleeps while further ahead of the rate than the bucket holds. */
    void pay(int bytes) throws InterruptedIOException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            dueNanos = Math.max(dueNanos - now, 0) + now + cost(bytes);
            wait = dueNanos - now - toleranceNanos;
        }
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while keeping to the transfer rate");
            }
        }
    }

    private long cost(long bytes) {
        return bytes * NANOS_PER_SECOND / bytesPerSecond;
    }

    @Override
    public String toString() {
        return isLimited() ? bytesPerSecond + " B/s" : "unlimited";
    }
}
