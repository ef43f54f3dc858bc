package dev.fileserver.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The served folder, and the one way a client's path becomes a {@link Path}: whatever the input
 * ({@code ..}, an absolute path, a sibling sharing the root's name prefix, a symbolic link that
 * points out), {@link #resolve(String)} returns a path inside the root or refuses.
 */
public final class StorageRoot {

    /** Names the server gives its own in-progress files; never listed, never served. */
    public static final String TEMPORARY_PREFIX = ".fileserver-tmp-";

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
     * Resolves a client's path against the root; an empty path is the root itself. The path need
     * not exist, but its nearest existing ancestor must really be inside the root.
     */
    public Path resolve(String clientPath) {
        if (clientPath == null || clientPath.isEmpty()) {
            return root;
        }
        Path candidate;
        try {
            candidate = Path.of(clientPath);
        }
        catch (InvalidPathException e) {
            throw new PathOutsideRootException();
        }
        if (candidate.isAbsolute()) {
            throw new PathOutsideRootException();
        }
        Path resolved = root.resolve(candidate).normalize();
        if (!resolved.startsWith(root)) {
            throw new PathOutsideRootException();
        }
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
        return resolved;
    }

    public boolean isRoot(Path path) {
        return root.equals(path);
    }

    /** True for the server's own in-progress files and anything below them. */
    public boolean isTemporary(Path path) {
        Path relative = root.relativize(path);
        for (Path part : relative) {
            if (part.toString().startsWith(TEMPORARY_PREFIX)) {
                return true;
            }
        }
        return false;
    }
}
