package dev.fileserver.wire.digest;

/**
 * One line of a {@code sha256sum} manifest: {@code HEX  NAME}. As {@code sha256sum} does, a name
 * holding a backslash or a newline is escaped ({@code \\}, {@code \n}) and its line starts with a
 * backslash, so that every name fits on one line and comes back as it was.
 */
final class ManifestLine {

    private ManifestLine() {
    }

    static String format(String hex, String name) {
        boolean escaped = name.indexOf('\\') >= 0 || name.indexOf('\n') >= 0;
        String spelled = escaped ? name.replace("\\", "\\\\").replace("\n", "\\n") : name;
        return (escaped ? "\\" : "") + hex + "  " + spelled + "\n";
    }

    /** Parses one line without its newline: {@code {hex, name}}. */
    static String[] parse(String line) throws TrailerException {
        boolean escaped = line.startsWith("\\");
        String rest = escaped ? line.substring(1) : line;
        if (rest.length() < 67 || !rest.startsWith("  ", 64) || !Sha256.isHex(rest.substring(0, 64))) {
            throw new TrailerException("not a sha256sum line: '" + shortened(line) + "'");
        }
        String name = rest.substring(66);
        return new String[] {rest.substring(0, 64), escaped ? unescape(name) : name};
    }

    private static String unescape(String name) throws TrailerException {
        StringBuilder plain = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '\\') {
                plain.append(c);
                continue;
            }
            if (++i == name.length()) {
                throw new TrailerException("a name ends in a lone backslash");
            }
            char escape = name.charAt(i);
            if (escape == 'n') {
                plain.append('\n');
            }
            else if (escape == '\\') {
                plain.append('\\');
            }
            else {
                throw new TrailerException("unknown escape '\\" + escape + "' in a name");
            }
        }
        return plain.toString();
    }

    private static String shortened(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }
}
