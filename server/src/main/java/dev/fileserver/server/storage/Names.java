package dev.fileserver.server.storage;

/** What may stand as one name in a folder, whatever the backend. */
public final class Names {

    /** Names the server gives its own in-progress entries; never listed, never served, never accepted. */
    public static final String TEMPORARY_PREFIX = ".fileserver-tmp-";

    private Names() {
    }

    /** A base name: not empty, no separator, not {@code .} or {@code ..}, no NUL, not one of ours. */
    public static boolean isPlain(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\0') < 0 && !isTemporary(name);
    }

    public static boolean isTemporary(String name) {
        return name.startsWith(TEMPORARY_PREFIX);
    }
}
