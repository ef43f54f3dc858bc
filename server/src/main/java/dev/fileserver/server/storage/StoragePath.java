package dev.fileserver.server.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A path below the storage root, checked by its letters alone, so every backend gets the same
 * confinement before it looks at anything stored: no absolute paths, no {@code ..} that climbs out,
 * no NUL. {@code .}, empty parts and {@code ..} that stays inside are folded away, so
 * {@code a//b/./../c} is {@code a/c}. What a name leads to (a symbolic link, say) is the backend's
 * own check ({@link FileStore#confine}).
 */
public final class StoragePath implements Comparable<StoragePath> {

    public static final StoragePath ROOT = new StoragePath(List.of());

    private final List<String> parts;

    private StoragePath(List<String> parts) {
        this.parts = parts;
    }

    /** A client's path; empty or absent means the root. */
    public static StoragePath parse(String clientPath) {
        if (clientPath == null || clientPath.isEmpty()) {
            return ROOT;
        }
        if (clientPath.startsWith("/") || clientPath.indexOf('\0') >= 0) {
            throw new PathOutsideRootException();
        }
        List<String> parts = new ArrayList<>();
        for (String part : clientPath.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new PathOutsideRootException();
                }
                parts.remove(parts.size() - 1);
            }
            else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return new StoragePath(Collections.unmodifiableList(parts));
    }

    public boolean isRoot() {
        return parts.isEmpty();
    }

    /** The names from the root down, none of them empty, {@code .} or {@code ..}. */
    public List<String> parts() {
        return parts;
    }

    /** The last name; the root has none. */
    public String name() {
        if (isRoot()) {
            throw new IllegalStateException("the root has no name");
        }
        return parts.get(parts.size() - 1);
    }

    public StoragePath parent() {
        if (isRoot()) {
            throw new IllegalStateException("the root has no parent");
        }
        return new StoragePath(parts.subList(0, parts.size() - 1));
    }

    /**
     * The entry {@code name} inside this folder: a base name that is not one of the server's
     * temporaries. It may be a name already stored that a new one could not have (one holding a
     * control character): whether a new name is acceptable is {@link Names#isPlain}'s to say.
     */
    public StoragePath child(String name) {
        if (!Names.isBaseName(name) || Names.isTemporary(name)) {
            throw new InvalidNameException(name);
        }
        List<String> longer = new ArrayList<>(parts);
        longer.add(name);
        return new StoragePath(Collections.unmodifiableList(longer));
    }

    /**
     * Refuses a path to be created whose names are not all plain ({@link Names#isPlain}): parsing
     * lets a client name an existing server temporary or a control character, creating must not.
     */
    public StoragePath requirePlainNames() {
        for (String part : parts) {
            if (!Names.isPlain(part)) {
                throw new InvalidNameException(part);
            }
        }
        return this;
    }

    /**
     * The checks every backend makes before it makes this folder: the root already exists (fine
     * with {@code parents}, as {@code mkdir -p} finds it; refused without), and a new folder's names
     * must be plain. False when there is nothing to make.
     */
    public boolean toBeMadeAsFolder(boolean parents) {
        if (isRoot()) {
            if (parents) {
                return false;
            }
            throw new AlreadyExistsException(this);
        }
        requirePlainNames();
        return true;
    }

    public boolean startsWith(StoragePath ancestor) {
        return parts.size() >= ancestor.parts.size() && parts.subList(0, ancestor.parts.size()).equals(ancestor.parts);
    }

    @Override
    public int compareTo(StoragePath other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoragePath path && parts.equals(path.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /** {@code a/b/c}; the root is the empty string. */
    @Override
    public String toString() {
        return String.join("/", parts);
    }
}
