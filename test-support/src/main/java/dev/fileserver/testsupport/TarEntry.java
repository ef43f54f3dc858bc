package dev.fileserver.testsupport;

import java.nio.charset.StandardCharsets;

import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * One entry of a hand-made tarball, taken as it is: a name with {@code ..} or a leading {@code /},
 * a link anywhere. A file, a folder, or a link ({@code linkTarget} set).
 */
public record TarEntry(String name, byte[] content, int mode, String linkTarget, byte type) {

    public static TarEntry folder(String name) {
        return new TarEntry(name.endsWith("/") ? name : name + "/", new byte[0], 040755, null, TarConstants.LF_DIR);
    }

    /** A file with its full mode, type bits included ({@code 0100644}). */
    public static TarEntry file(String name, byte[] content, int mode) {
        return new TarEntry(name, content, mode, null, TarConstants.LF_NORMAL);
    }

    public static TarEntry file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0100644);
    }

    public static TarEntry symlink(String name, String target) {
        return new TarEntry(name, new byte[0], 0120777, target, TarConstants.LF_SYMLINK);
    }

    public static TarEntry hardLink(String name, String target) {
        return new TarEntry(name, new byte[0], 0100644, target, TarConstants.LF_LINK);
    }
}
