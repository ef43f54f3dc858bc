package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.PathOutsideRootException;
import dev.fileserver.server.storage.StoragePath;

/**
 * The served folder, and the one way a {@link StoragePath} becomes a {@link Path} on disk. The
 * path's letters are already confined ({@code ..}, absolute paths and NUL are refused by
 * {@link StoragePath#parse}); what is left is what only the disk knows: a symbolic link anywhere
 * on the way that points out of the root, a sibling folder sharing the root's name prefix (the
 * real path is compared by components, not by string prefix), a dangling link.
 */
public final class StorageRoot {

    private static final Logger log = LoggerFactory.getLogger(StorageRoot.class);

    /** Kept for callers that know the root by this class; the prefix belongs to {@link Names}. */
    public static final String TEMPORARY_PREFIX = Names.TEMPORARY_PREFIX;

    private final Path root;

    private StorageRoot(Path root) {
        this.root = root;
    }

    /** Creates the folder if missing; refuses one that is not a writable folder. */
    public static StorageRoot open(Path configured) {
        Path absolute = configured.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new InvalidRootException(absolute, "is not a folder");
        }
        try {
            Files.createDirectories(absolute);
        }
        catch (IOException e) {
            throw new InvalidRootException(absolute, "cannot be created (" + e.getMessage() + ")");
        }
        if (!Files.isDirectory(absolute)) {
            throw new InvalidRootException(absolute, "is not a folder");
        }
        if (!Files.isReadable(absolute) || !Files.isWritable(absolute) || !Files.isExecutable(absolute)) {
            throw new InvalidRootException(absolute, "is not readable and writable by this user");
        }
        try {
            return new StorageRoot(absolute.toRealPath());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return root;
    }

    /**
     * The path on disk; it need not exist, but its nearest existing ancestor must really be inside
     * the root, links followed.
     */
    public Path resolve(StoragePath path) {
        Path resolved = lexical(path);
        if (!reachedWithoutLinks(path)) {
            checkRealPath(resolved);
        }
        return resolved;
    }

    /**
     * Whether every existing part of the path is a real folder, or its last existing part anything
     * but a link: the path is then where its letters say, inside the root. Walked relative to open
     * folders, one step per part; resolving the real path instead costs each part the length of
     * the path before it, so that listing every folder of a deep tree (a {@code /tree}) cost the
     * cube of its depth. False, leaving the decision to the real path, at a link, at a folder that
     * cannot be opened, and where the platform cannot open folders relative to each other.
     */
    private boolean reachedWithoutLinks(StoragePath path) {
        SecureDirectoryStream<Path> folder = null;
        try {
            DirectoryStream<Path> top = Files.newDirectoryStream(root);
            if (!(top instanceof SecureDirectoryStream<Path> secure)) {
                top.close();
                return false;
            }
            folder = secure;
            for (String part : path.parts()) {
                Path name = root.getFileSystem().getPath(part);
                BasicFileAttributes attributes;
                try {
                    attributes = folder.getFileAttributeView(name, BasicFileAttributeView.class,
                            LinkOption.NOFOLLOW_LINKS).readAttributes();
                }
                catch (NoSuchFileException e) {
                    return true;
                }
                if (!attributes.isDirectory()) {
                    return !attributes.isSymbolicLink();
                }
                SecureDirectoryStream<Path> next = folder.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
                folder.close();
                folder = next;
            }
            return true;
        }
        catch (IOException e) {
            return false;
        }
        finally {
            closeQuietly(folder);
        }
    }

    private static void closeQuietly(DirectoryStream<Path> folder) {
        try {
            if (folder != null) {
                folder.close();
            }
        }
        catch (IOException ignored) {
            // only read from; nothing is lost
        }
    }

    /** The slow check: the real path of the nearest existing ancestor, links followed, is inside the root. */
    private void checkRealPath(Path resolved) {
        Path existing = resolved;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            if (!existing.toRealPath().startsWith(root)) {
                throw new PathOutsideRootException();
            }
        }
        catch (IOException e) {
            // a dangling link: it leads nowhere we could serve
            throw new PathOutsideRootException();
        }
    }

    /** The path on disk by its letters alone, for what is then opened without following links. */
    Path lexical(StoragePath path) {
        // in one step: a part at a time copies the path so far for each part, the depth squared
        return path.isRoot() ? root : root.resolve(String.join("/", path.parts()));
    }

    /** True for the server's own in-progress files and anything below them. */
    public boolean isTemporary(Path path) {
        Path relative = root.relativize(path);
        for (Path part : relative) {
            if (Names.isTemporary(part.toString())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a path below a folder being downloaded goes into its tarball: not the server's own
     * temporaries, and not a name holding a control character, which a client could not store
     * safely (ours refuses a whole archive for one); such a name is left out with a warning.
     */
    public boolean belongsInDownload(Path path) {
        if (isTemporary(path)) {
            return false;
        }
        if (Names.hasControlCharacter(path.getFileName().toString())) {
            log.warn("Left '{}' out of a folder download: its name holds a control character",
                    Names.visible(root.relativize(path).toString()));
            return false;
        }
        return true;
    }

    static boolean isTemporary(StoragePath path) {
        return path.parts().stream().anyMatch(Names::isTemporary);
    }
}
