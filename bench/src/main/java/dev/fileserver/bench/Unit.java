package dev.fileserver.bench;

import java.util.Locale;

/** How a figure is printed. MB is 10^6 bytes, MiB 2^20. */
enum Unit {

    MB_PER_S(" MB/s", "%.0f"),
    RATIO("×", "%.2f"),
    MILLISECONDS(" ms", null),
    MICROSECONDS(" µs", null),
    SECONDS(" s", null),
    MIB(" MiB", "%.1f"),
    KIB(" KiB", "%.1f"),
    PERCENT(" %", "%.1f"),
    COUNT("", "%.0f"),
    PER_SECOND("/s", "%.0f");

    private final String suffix;

    /** A fixed number of decimals, or none for three significant digits. */
    private final String pattern;

    Unit(String suffix, String pattern) {
        this.suffix = suffix;
        this.pattern = pattern;
    }

    String format(double value) {
        return String.format(Locale.ROOT, pattern != null ? pattern : significant(value), value) + suffix;
    }

    /** A target's bound: as few digits as it needs. */
    String formatBound(double bound) {
        if (bound != Math.rint(bound) || this == RATIO) {
            return format(bound);
        }
        return (long) bound + suffix;
    }

    private static String significant(double value) {
        double magnitude = Math.abs(value);
        return magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
    }
}
