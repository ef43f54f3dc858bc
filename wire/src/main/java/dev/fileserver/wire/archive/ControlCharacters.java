package dev.fileserver.wire.archive;

/**
 * The characters a name may not hold: U+0000 to U+001F and U+007F. A newline in a name forges a
 * line of the v1 listing, which is one name per line; others move a terminal's cursor or change
 * its colours. Names with them are refused wherever one is made (an upload, an archive entry), and
 * shown {@link #escape escaped} wherever one that already exists is shown.
 */
public final class ControlCharacters {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ControlCharacters() {
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f;
    }

    public static boolean presentIn(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (isControl(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code name} on one line, each control character written as two or four visible ones:
     * {@code \n}, {@code \r}, {@code \t}, else {@code \xHH}; {@code evil<LF>spoofed.txt} becomes
     * {@code evil\nspoofed.txt}. A backslash stays as it is, so every other name reads exactly as
     * before; the price is that an escaped name may read like another name holding backslashes.
     */
    public static String escape(String name) {
        if (!presentIn(name)) {
            return name;
        }
        StringBuilder escaped = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isControl(c)) {
                escaped.append(c);
            }
            else if (c == '\n') {
                escaped.append("\\n");
            }
            else if (c == '\r') {
                escaped.append("\\r");
            }
            else if (c == '\t') {
                escaped.append("\\t");
            }
            else {
                escaped.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return escaped.toString();
    }
}
