package dev.fileserver.bench;

import java.util.Locale;

/** How a figure is printed. MB is 10^6 bytes, MiB 2^20. */
enum Unit {

    MB_PER_S("MB/s") {
        @Override
        String number(double value) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
    },
    RATIO("×") {
        @Override
        String number(double value) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
    },
    MILLISECONDS("ms") {
        @Override
        String number(double value) {
            return significant(value);
        }
    },
    SECONDS("s") {
        @Override
        String number(double value) {
            return significant(value);
        }
    },
    MIB("MiB") {
        @Override
        String number(double value) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
    },
    COUNT("") {
        @Override
        String number(double value) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
    };

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    abstract String number(double value);

    String format(double value) {
        String number = number(value);
        if (symbol.isEmpty()) {
            return number;
        }
        return this == RATIO ? number + symbol : number + " " + symbol;
    }

    /** A target's bound: as few digits as it needs. */
    String formatBound(double bound) {
        if (bound != Math.rint(bound) || this == RATIO) {
            return format(bound);
        }
        String number = Long.toString((long) bound);
        return symbol.isEmpty() ? number : number + " " + symbol;
    }

    private static String significant(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
