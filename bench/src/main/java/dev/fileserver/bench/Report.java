package dev.fileserver.bench;

import java.util.ArrayList;
import java.util.List;

/** The results in sections, each a Markdown table with the targets beside the figures. */
final class Report {

    private record Section(String title, String note, List<Figure> figures) {
    }

    private final List<Section> sections = new ArrayList<>();

    /** Starts a section; figures added next belong to it. */
    Report section(String title, String note) {
        sections.add(new Section(title, note, new ArrayList<>()));
        return this;
    }

    Report add(Figure figure) {
        sections.get(sections.size() - 1).figures().add(figure);
        return this;
    }

    Report addAll(List<Figure> figures) {
        figures.forEach(this::add);
        return this;
    }

    /** Every ratio against a baseline, labelled with its section, for the chart. */
    List<RatioChart.Bar> ratios() {
        List<RatioChart.Bar> bars = new ArrayList<>();
        for (Section section : sections) {
            for (Figure figure : section.figures()) {
                if (Double.isFinite(figure.ratio())) {
                    bars.add(new RatioChart.Bar(section.title() + ": " + figure.name(), figure.ratio(), figure.goal()));
                }
            }
        }
        return bars;
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        for (Section section : sections) {
            text.append("### ").append(section.title()).append("\n\n");
            if (!section.note().isEmpty()) {
                text.append(section.note()).append("\n\n");
            }
            text.append("| Figure | Median | Min | Max | Target | Met |\n");
            text.append("|---|---:|---:|---:|---|---|\n");
            for (Figure figure : section.figures()) {
                text.append(figure.markdownRow()).append('\n');
            }
            text.append('\n');
        }
        return text.toString();
    }
}
