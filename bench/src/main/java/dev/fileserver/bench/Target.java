package dev.fileserver.bench;

/** A figure's goal as the issue states it; reported beside the figure, never asserted. */
record Target(String text, double bound, boolean atLeast) {

    static final Target NONE = new Target("", Double.NaN, true);

    static Target atLeast(double bound, Unit unit) {
        return new Target("≥ " + unit.formatBound(bound), bound, true);
    }

    static Target atMost(double bound, Unit unit) {
        return new Target("≤ " + unit.formatBound(bound), bound, false);
    }

    String verdict(double median) {
        if (Double.isNaN(bound)) {
            return "";
        }
        boolean met = atLeast ? median >= bound : median <= bound;
        return met ? "yes" : "**no**";
    }
}
