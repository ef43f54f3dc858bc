package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;

import dev.fileserver.wire.archive.PosixModes;

/**
 * What a name on disk is, links not followed, and its rwx bits, in one {@code lstat}: reading the
 * type and size, then the permissions, cost a listing two system calls per entry.
 */
final class DiskAttributes {

    private DiskAttributes() {
    }

    /** POSIX attributes where the file system has them, the basic ones otherwise. */
    static BasicFileAttributes of(Path path) throws IOException {
        try {
            return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        catch (UnsupportedOperationException e) {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** The rwx bits read with {@code attributes}, or {@code fallback} on a file system without them. */
    static int mode(BasicFileAttributes attributes, int fallback) {
        return attributes instanceof PosixFileAttributes posix ? PosixModes.toMode(posix.permissions()) : fallback;
    }
}
