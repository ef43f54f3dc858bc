package dev.fileserver.client.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar redrawn in place: name, bar, bytes done of total, percent, rate and
 * ETA. It appears only once a transfer has taken more than a moment, is redrawn a few times a
 * second at most, and is erased when the transfer ends, leaving room for the summary line.
 */
public final class ProgressBar implements TransferProgress {

    static final Duration APPEAR_AFTER = Duration.ofMillis(500);

    private static final long REDRAW_EVERY_NANOS = Duration.ofMillis(200).toNanos();

    private static final int BAR_WIDTH = 24;

    private final PrintStream out;

    private final LongSupplier nanoClock;

    private String name = "";

    private long total;

    private long done;

    private long startedAt;

    private long drawnAt;

    private boolean drawn;

    public ProgressBar(PrintStream out, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
    }

    @Override
    public void started(String name, long totalBytes) {
        this.name = name;
        this.total = totalBytes;
        this.done = 0;
        this.startedAt = nanoClock.getAsLong();
        this.drawnAt = startedAt;
        this.drawn = false;
    }

    @Override
    public void advanced(long bytes) {
        done += bytes;
        long now = nanoClock.getAsLong();
        if (now - startedAt < APPEAR_AFTER.toNanos() || now - drawnAt < REDRAW_EVERY_NANOS) {
            return;
        }
        drawnAt = now;
        drawn = true;
        out.print("\r" + line(Duration.ofNanos(now - startedAt)) + "\u001b[K");
        out.flush();
    }

    @Override
    public void finished() {
        if (drawn) {
            out.print("\r\u001b[K");
            out.flush();
        }
    }

    /** The bar as it reads after {@code elapsed}. */
    String line(Duration elapsed) {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) (fraction * BAR_WIDTH);
        String bar = "=".repeat(filled) + (filled < BAR_WIDTH ? ">" + " ".repeat(BAR_WIDTH - filled - 1) : "");
        long rate = (long) (done / Math.max(elapsed.toNanos() / 1e9, 1e-3));
        String eta = rate <= 0 ? "--:--" : Sizes.duration(Duration.ofMillis((total - done) * 1000 / rate));
        return String.format("%s [%s] %s / %s %3d%% %s ETA %s", shorten(name), bar, Sizes.bytes(done),
                Sizes.bytes(total), (int) (fraction * 100), Sizes.bytes(rate) + "/s", eta);
    }

    private static String shorten(String name) {
        return name.length() <= 24 ? name : name.substring(0, 21) + "...";
    }
}
