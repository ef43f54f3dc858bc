package dev.fileserver.wire.listing;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a long listing ({@code /list-long}, {@code /tree-long}, {@code /stat}), one line of
 * tab-separated fields: {@code TYPE SIZE MODE MODIFIED NAME}, a tree's lines led by their
 * {@code DEPTH} and followed by a {@code NOTE} when a folder could not be entered. Exact values
 * (bytes, octal mode, UTC to the second) so that scripts and the client format them as they
 * like. A name's backslashes, tabs and newlines are escaped ({@code \\ \t \n}), so one entry is
 * always one line.
 *
 * @param depth 0 for a listing's entries; in a tree, 1 for the folder's own entries, 2 below them...
 * @param type  {@code d} folder, {@code f} file, {@code l} symbolic link, {@code o} anything else
 * @param mode  the rwx bits
 * @param note  why a folder of a tree was not entered; empty otherwise
 */
public record EntryLine(int depth, char type, long size, int mode, Instant modified, String name, String note) {

    public static final char FOLDER = 'd';

    public static final char FILE = 'f';

    public static final char LINK = 'l';

    public static final char OTHER = 'o';

    public EntryLine {
        modified = modified.truncatedTo(ChronoUnit.SECONDS);
        note = note == null ? "" : note;
    }

    public static EntryLine of(char type, long size, int mode, Instant modified, String name) {
        return new EntryLine(0, type, size, mode, modified, name, "");
    }

    public EntryLine atDepth(int level) {
        return new EntryLine(level, type, size, mode, modified, name, note);
    }

    public EntryLine noted(String why) {
        return new EntryLine(depth, type, size, mode, modified, name, why);
    }

    public boolean isFolder() {
        return type == FOLDER;
    }

    /** The line without its newline; {@code inTree} adds the depth and the note. */
    public String format(boolean inTree) {
        String fields = type + "\t" + size + "\t" + String.format("%04o", mode) + "\t" + modified + "\t"
                + escape(name);
        return inTree ? depth + "\t" + fields + (note.isEmpty() ? "" : "\t" + escape(note)) : fields;
    }

    /** Every line of a listing's text, each ending with a newline. */
    public static List<EntryLine> parseAll(String text, boolean inTree) {
        List<EntryLine> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(parse(line, inTree));
            }
        }
        return lines;
    }

    /** @throws IllegalArgumentException for a line that is not an entry */
    public static EntryLine parse(String line, boolean inTree) {
        String[] fields = line.split("\t", -1);
        int first = inTree ? 1 : 0;
        int expected = first + 5;
        if (fields.length != expected && !(inTree && fields.length == expected + 1)) {
            throw new IllegalArgumentException("not an entry line: '" + line + "'");
        }
        try {
            String type = fields[first];
            if (type.length() != 1 || "dflo".indexOf(type.charAt(0)) < 0) {
                throw new IllegalArgumentException("unknown entry type '" + type + "'");
            }
            return new EntryLine(inTree ? Integer.parseInt(fields[0]) : 0, type.charAt(0),
                    Long.parseLong(fields[first + 1]), Integer.parseInt(fields[first + 2], 8),
                    Instant.parse(fields[first + 3]), unescape(fields[first + 4]),
                    fields.length > expected ? unescape(fields[expected]) : "");
        }
        catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not an entry line: '" + line + "'", e);
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char escaped = text.charAt(++i);
                plain.append(escaped == 't' ? '\t' : escaped == 'n' ? '\n' : escaped);
            }
            else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
