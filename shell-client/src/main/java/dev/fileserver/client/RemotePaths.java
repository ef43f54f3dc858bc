package dev.fileserver.client;

/** Paths on the server as the user types them: relative to the server's root, {@code /} separated. */
public final class RemotePaths {

    private RemotePaths() {
    }

    /** The last component, ignoring trailing slashes; empty for the root. */
    public static String baseName(String path) {
        String trimmed = path.strip();
        int end = trimmed.length();
        while (end > 0 && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        return trimmed.substring(trimmed.lastIndexOf('/', end - 1) + 1, end);
    }

    /** A name the server sent that may be used as a local file name as it is. */
    public static boolean isSafeBaseName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }
}
