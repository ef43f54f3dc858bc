package dev.fileserver.bench;

import java.util.ArrayList;
import java.util.List;

/** Conversions between what is measured (bytes, nanoseconds) and what is reported. */
final class Rates {

    private Rates() {
    }

    /** MB/s, MB being 10^6 bytes. */
    static double megabytesPerSecond(long bytes, long nanos) {
        return bytes * 1000.0 / nanos;
    }

    static double milliseconds(long nanos) {
        return nanos / 1_000_000.0;
    }

    static double seconds(long nanos) {
        return nanos / 1_000_000_000.0;
    }

    static double mebibytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** Run by run, {@code ours[i] / baseline[i]}. */
    static List<Double> ratios(List<Double> ours, List<Double> baseline) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            ratios.add(ours.get(i) / baseline.get(i));
        }
        return ratios;
    }
}
