package dev.fileserver.bench;

/**
 * One row of the results: a measurement over several runs (median, min, max), or a plain fact.
 * {@code ratio} is the median of a ratio against a baseline, for the chart, and NaN for anything else.
 */
record Figure(String name, String median, String min, String max, String target, String met, double ratio,
        Target goal) {

    static Figure measured(String name, Unit unit, Samples samples, Target target) {
        return new Figure(name, unit.format(samples.median()), unit.format(samples.min()), unit.format(samples.max()),
                target.text(), target.verdict(samples.median()), unit == Unit.RATIO ? samples.median() : Double.NaN,
                target);
    }

    static Figure measured(String name, Unit unit, Samples samples) {
        return measured(name, unit, samples, Target.NONE);
    }

    static Figure fact(String name, String value) {
        return new Figure(name, value, "", "", "", "", Double.NaN, Target.NONE);
    }

    static Figure unavailable(String name, String reason, Target target) {
        return new Figure(name, "n/a (" + reason + ")", "", "", target.text(), "", Double.NaN, target);
    }

    String markdownRow() {
        return "| " + String.join(" | ", name, median, min, max, target, met) + " |";
    }
}
