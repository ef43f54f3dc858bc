package dev.fileserver.wire.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rwx bits of a POSIX mode, read from and applied to files without following links. Type
 * bits, setuid, setgid and sticky never pass through here. On a file system without POSIX
 * permissions reads give the fallback and applies do nothing.
 */
public final class PosixModes {

    private static final PosixFilePermission[] BY_BIT = PosixFilePermission.values();

    private PosixModes() {
    }

    public static Set<PosixFilePermission> toPermissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        // the enum runs OWNER_READ .. OTHERS_EXECUTE, i.e. from bit 8 down to bit 0
        for (PosixFilePermission permission : BY_BIT) {
            if ((mode & (1 << (8 - permission.ordinal()))) != 0) {
                permissions.add(permission);
            }
        }
        return permissions;
    }

    public static int toMode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }

    public static int read(Path path, int fallback) throws IOException {
        PosixFileAttributeView view = view(path);
        return view == null ? fallback : toMode(view.readAttributes().permissions());
    }

    public static void apply(Path path, int mode) throws IOException {
        PosixFileAttributeView view = view(path);
        if (view != null) {
            view.setPermissions(toPermissions(mode & 0777));
        }
    }

    private static PosixFileAttributeView view(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    }
}
