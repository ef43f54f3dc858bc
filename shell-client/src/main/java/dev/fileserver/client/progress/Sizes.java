package dev.fileserver.client.progress;

import java.time.Duration;
import java.util.Locale;

/** Human-readable sizes, rates and times, in binary units as {@code ls -h} and {@code scp} show. */
public final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Sizes() {
    }

    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    public static String rate(long bytes, Duration elapsed) {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return bytes((long) (bytes / seconds)) + "/s";
    }

    /** {@code 0.4 s} below a minute, {@code 3:07} below an hour, {@code 1:02:03} above. */
    public static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
