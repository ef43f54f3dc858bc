package dev.fileserver.bench;

import java.util.Arrays;
import java.util.Collection;

/** Order statistics of a set of measurements (nearest rank). */
final class Samples {

    private final double[] sorted;

    private Samples(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(this.sorted);
    }

    static Samples of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        return new Samples(values);
    }

    static Samples of(Collection<? extends Number> values) {
        return of(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The nearest-rank percentile: at least {@code p} per cent of the samples are at or below it. */
    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double min() {
        return sorted[0];
    }

    double max() {
        return sorted[sorted.length - 1];
    }

    int count() {
        return sorted.length;
    }
}
