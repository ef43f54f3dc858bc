package dev.fileserver.client.quota;

import java.util.List;

import dev.fileserver.client.progress.Sizes;

/**
 * {@code df} as people and scripts read it, in the same layout: a table of bytes and files used,
 * allowed and left, then the disk's free space. For a person (a terminal) bytes are in binary
 * units; for a script they are exact. {@code none} is shown where there is no limit.
 */
public final class QuotaFormat {

    private static final String NONE = "none";

    private final boolean human;

    public QuotaFormat(boolean human) {
        this.human = human;
    }

    public String render(QuotaFigures figures) {
        List<List<String>> rows = List.of(List.of("", "used", "limit", "left"),
                List.of("bytes", bytes(figures.bytesUsed()), bytes(figures.bytesLimit()), bytes(figures.bytesLeft())),
                List.of("files", Long.toString(figures.filesUsed()), count(figures.filesLimit()),
                        count(figures.filesLeft())));
        int[] widths = new int[4];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(figures.scope().isEmpty() ? "quota of the whole server" : "quota of '" + figures.scope() + "'")
                .append('\n');
        for (List<String> row : rows) {
            text.append(row.get(0)).append(" ".repeat(widths[0] - row.get(0).length()));
            for (int column = 1; column < widths.length; column++) {
                text.append("  ").append(" ".repeat(widths[column] - row.get(column).length())).append(row.get(column));
            }
            text.append('\n');
        }
        return text.append("disk free: ").append(bytes(figures.diskFree())).append('\n').toString();
    }

    private String bytes(Long bytes) {
        if (bytes == null) {
            return NONE;
        }
        return human ? Sizes.bytes(bytes) : Long.toString(bytes);
    }

    private static String count(Long count) {
        return count == null ? NONE : count.toString();
    }
}
