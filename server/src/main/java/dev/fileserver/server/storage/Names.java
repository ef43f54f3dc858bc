package dev.fileserver.server.storage;

import dev.fileserver.wire.archive.ControlCharacters;

/**
 * What may stand as one name in a folder, whatever the backend, and how a name is shown. The one
 * rule every way of making a name goes through (an upload, an archive entry by way of the archive
 * reader's same rule, and any later mkdir or rename) is {@link #isPlain}.
 */
public final class Names {

    /** Names the server gives its own in-progress entries; never listed, never served, never accepted. */
    public static final String TEMPORARY_PREFIX = ".fileserver-tmp-";

    private Names() {
    }

    /**
     * A name for something new: a base name (see {@link #isBaseName}) that is not one of ours and
     * holds no control character (U+0000 to U+001F, U+007F), which would forge or break the lines
     * of a v1 listing and play tricks on a terminal.
     */
    public static boolean isPlain(String name) {
        return isBaseName(name) && !isTemporary(name) && !ControlCharacters.presentIn(name);
    }

    /**
     * A name that can stand in a folder at all, as one already on disk may (made by someone else,
     * control characters and all): not empty, no separator, not {@code .} or {@code ..}, no NUL.
     */
    public static boolean isBaseName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\0') < 0;
    }

    public static boolean isTemporary(String name) {
        return name.startsWith(TEMPORARY_PREFIX);
    }

    public static boolean hasControlCharacter(String name) {
        return ControlCharacters.presentIn(name);
    }

    /**
     * A name as a listing, a tree or an error shows it, on one line: each control character is
     * written as visible ones ({@code \n}, {@code \r}, {@code \t}, else {@code \xHH}), so a file
     * named {@code evil<LF>spoofed.txt} is listed as {@code evil\nspoofed.txt}. Any other name is
     * shown as it is.
     */
    public static String visible(String name) {
        return ControlCharacters.escape(name);
    }
}
