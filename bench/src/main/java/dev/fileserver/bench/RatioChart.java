package dev.fileserver.bench;

import java.text.DecimalFormat;
import java.util.List;
import java.util.Locale;

/**
 * The results' ratios as an SVG bar chart: one row per ratio, its bar drawn from 1× (as fast as the
 * baseline) to the median on a logarithmic scale, so 0.5× and 2× are as long; the target is a black
 * mark on the row, the bar green where it is met, red where not, grey where there is none.
 */
final class RatioChart {

    /** A ratio to draw: its row's label, the median, and the target it is held to. */
    record Bar(String label, double ratio, Target goal) {
    }

    /** About the width of a character of the labels' 12 px sans-serif, to leave them room. */
    private static final double CHARACTER_WIDTH = 6.6;

    private static final int PLOT_WIDTH = 420;

    private static final int ROW = 22;

    private static final int TOP = 40;

    private RatioChart() {
    }

    static String svg(String title, List<Bar> bars) {
        double low = 0.1;
        double high = 10;
        bars = bars.stream().filter(bar -> bar.ratio() > 0 && Double.isFinite(bar.ratio())).toList();
        for (Bar bar : bars) {
            high = Math.max(high, Math.pow(10, Math.ceil(Math.log10(bar.ratio()))));
            low = Math.min(low, Math.pow(10, Math.floor(Math.log10(bar.ratio()))));
        }
        int labelWidth = 20 + (int) (CHARACTER_WIDTH * bars.stream().mapToInt(bar -> bar.label().length()).max().orElse(0));
        int height = TOP + bars.size() * ROW + 30;
        int width = labelWidth + PLOT_WIDTH + 160;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                escape(title)));
        for (double tick = low; tick <= high * 1.0001; tick *= 10) {
            double x = x(tick, low, high, labelWidth);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>%n",
                    x, TOP - 6, x, height - 24, tick == 1 ? "#444" : "#ddd"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s×</text>%n",
                    x, height - 10, new DecimalFormat("0.###").format(tick)));
        }
        int y = TOP;
        double one = x(1, low, high, labelWidth);
        for (Bar bar : bars) {
            double end = x(bar.ratio(), low, high, labelWidth);
            String colour = Double.isNaN(bar.goal().bound()) ? "#999"
                    : bar.goal().verdict(bar.ratio()).equals("yes") ? "#2e9d4b" : "#d64541";
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    labelWidth - 8, y + 14, escape(bar.label())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    Math.min(one, end), y + 4, Math.max(1, Math.abs(end - one)), ROW - 8, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.2f×%s</text>%n",
                    Math.max(one, end) + 4, y + 14, bar.ratio(), bar.goal().text().isEmpty() ? ""
                            : " (target " + escape(bar.goal().text()) + ")"));
            if (!Double.isNaN(bar.goal().bound())) {
                double mark = x(bar.goal().bound(), low, high, labelWidth);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                        + "stroke=\"black\" stroke-width=\"2\"/>%n", mark, y + 1, mark, y + ROW - 1));
            }
            y += ROW;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double x(double ratio, double low, double high, int labelWidth) {
        double share = (Math.log10(ratio) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
        return labelWidth + Math.max(0, Math.min(1, share)) * PLOT_WIDTH;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
