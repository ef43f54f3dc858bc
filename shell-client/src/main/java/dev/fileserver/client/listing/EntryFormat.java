package dev.fileserver.client.listing;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.fileserver.client.progress.Sizes;
import dev.fileserver.wire.listing.EntryLine;

/**
 * Long listings as people and scripts read them. For a person (a terminal): sizes in binary
 * units, times in the local zone to the minute. For a script: sizes in bytes and times in UTC,
 * exact and the same wherever it runs.
 */
public final class EntryFormat {

    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final boolean human;

    private final ZoneId zone;

    public EntryFormat(boolean human, ZoneId zone) {
        this.human = human;
        this.zone = zone;
    }

    /** {@code ls -l}: mode, size (right-aligned), time, name; one line each. */
    public String longListing(List<EntryLine> entries) {
        List<String> sizes = entries.stream().map(entry -> size(entry.size())).toList();
        int width = sizes.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            EntryLine entry = entries.get(i);
            text.append(mode(entry)).append("  ").append(" ".repeat(width - sizes.get(i).length()))
                    .append(sizes.get(i)).append("  ").append(time(entry)).append("  ").append(entry.name())
                    .append('\n');
        }
        return text.toString();
    }

    /**
     * {@code tree -s}: the v1 tree's glyphs with each entry's size; a folder's is the total of the
     * files below it, as {@code du} counts them.
     */
    public String tree(List<EntryLine> lines) {
        long[] totals = totals(lines);
        StringBuilder text = new StringBuilder();
        List<Boolean> lastAtDepth = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            EntryLine line = lines.get(i);
            if (line.depth() == 0) {
                text.append('[').append(size(totals[i])).append("]  ").append(line.name()).append('\n');
                continue;
            }
            boolean last = isLastAtItsDepth(lines, i);
            while (lastAtDepth.size() >= line.depth()) {
                lastAtDepth.remove(lastAtDepth.size() - 1);
            }
            for (boolean above : lastAtDepth) {
                text.append(above ? "    " : "│   ");
            }
            lastAtDepth.add(last);
            text.append(last ? "└── " : "├── ").append('[').append(size(totals[i])).append("]  ").append(line.name());
            if (!line.note().isEmpty()) {
                text.append(" [").append(line.note()).append(']');
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The files below a tree's lines and their bytes: what deleting the folder would remove. */
    public static long[] fileCountAndBytes(List<EntryLine> lines) {
        long files = 0;
        long bytes = 0;
        for (EntryLine line : lines) {
            if (line.depth() > 0 && !line.isFolder()) {
                files++;
                bytes += line.type() == EntryLine.FILE ? line.size() : 0;
            }
        }
        return new long[] {files, bytes};
    }

    /** {@code stat}: one field a line. */
    public String stat(EntryLine entry) {
        String type = switch (entry.type()) {
            case EntryLine.FOLDER -> "directory";
            case EntryLine.FILE -> "file";
            case EntryLine.LINK -> "symbolic link";
            default -> "other";
        };
        return "name: " + entry.name() + "\ntype: " + type + "\nsize: "
                + (human ? entry.size() + " bytes (" + Sizes.bytes(entry.size()) + ")" : entry.size())
                + "\nmode: " + String.format("%04o", entry.mode()) + " " + mode(entry)
                + "\nmodified: " + (human ? entry.modified().atZone(zone).toOffsetDateTime() : entry.modified())
                + "\n";
    }

    public String size(long bytes) {
        return human ? Sizes.bytes(bytes) : Long.toString(bytes);
    }

    private String time(EntryLine entry) {
        return human ? LOCAL_MINUTE.format(entry.modified().atZone(zone)) : entry.modified().toString();
    }

    /** As {@code ls -l} spells it: the type, then rwx for owner, group and others. */
    static String mode(EntryLine entry) {
        char type = switch (entry.type()) {
            case EntryLine.FOLDER -> 'd';
            case EntryLine.FILE -> '-';
            case EntryLine.LINK -> 'l';
            default -> '?';
        };
        StringBuilder spelled = new StringBuilder().append(type);
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = entry.mode() >> shift;
            spelled.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-')
                    .append((bits & 1) != 0 ? 'x' : '-');
        }
        return spelled.toString();
    }

    /** Each line's size, a folder's being the sum of the files below it (the lines after it, deeper). */
    private static long[] totals(List<EntryLine> lines) {
        long[] totals = new long[lines.size()];
        for (int i = lines.size() - 1; i >= 0; i--) {
            EntryLine line = lines.get(i);
            if (!line.isFolder()) {
                totals[i] = line.type() == EntryLine.FILE ? line.size() : 0;
                continue;
            }
            long sum = 0;
            for (int j = i + 1; j < lines.size() && lines.get(j).depth() > line.depth(); j++) {
                if (lines.get(j).depth() == line.depth() + 1) {
                    sum += totals[j];
                }
            }
            totals[i] = sum;
        }
        return totals;
    }

    private static boolean isLastAtItsDepth(List<EntryLine> lines, int index) {
        int depth = lines.get(index).depth();
        for (int j = index + 1; j < lines.size(); j++) {
            if (lines.get(j).depth() < depth) {
                return true;
            }
            if (lines.get(j).depth() == depth) {
                return false;
            }
        }
        return true;
    }
}
