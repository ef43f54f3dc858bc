package dev.fileserver.server.storage;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import dev.fileserver.wire.FileHeader;

/**
 * Everything the commands do to stored files, whatever holds them. Every backend keeps these
 * promises (the storage contract test holds each backend to them):
 * <ul>
 * <li>Confinement: nothing outside the root is read, written or listed, whatever the path; the
 * server's own temporaries ({@link Names#TEMPORARY_PREFIX}) and the kept parts of interrupted
 * uploads are never listed, served or deleted.</li>
 * <li>All or nothing: an {@link Upload} is invisible until committed; a committed file replaces
 * the old one in one step; an aborted one leaves nothing.</li>
 * <li>Listings are sorted by name, by UTF-16 code units, the same on every backend.</li>
 * <li>Downloads are streamed and exact: the header's length is the number of bytes sent, or the
 * transfer fails.</li>
 * </ul>
 * What a backend may promise less of is declared in {@link #guarantees()}. Failures are
 * {@link StorageException}s carrying data, never text for the client.
 * <p>
 * The methods with a default work on any backend through the others; a backend overrides them
 * where it can do better (seek instead of read, keep parts of interrupted uploads).
 */
public interface FileStore {

    /** What the root is called when a client names it with an empty path. */
    String rootName();

    /** Where the files are, for an operator reading the log: a folder, a bucket. */
    default String location() {
        return rootName();
    }

    StoreGuarantees guarantees();

    /**
     * Checks what {@code path} really leads to, beyond its letters (a link pointing out of the root);
     * throws {@link PathOutsideRootException}. The path need not exist.
     */
    void confine(StoragePath path);

    EntryType typeOf(StoragePath path);

    /** The entries of a folder, sorted by name, the server's own temporaries left out. */
    List<Entry> list(StoragePath directory);

    Download openForDownload(StoragePath path);

    /** Checks an incoming file frame's header (name, size, capacity) and opens somewhere for its content. */
    Upload beginUpload(StoragePath directory, FileHeader header);

    /** Deletes a file, or a folder and everything in it; the root itself is refused. */
    void delete(StoragePath path);

    /**
     * What {@code path} is, links followed as {@link #typeOf} follows them; {@link NotFoundException}
     * when nothing is there. The root is named {@link #rootName()}. The default looks the name up in
     * its parent's listing.
     */
    default Entry stat(StoragePath path) {
        EntryType type = typeOf(path);
        if (type == EntryType.NOT_FOUND) {
            throw new NotFoundException(path);
        }
        if (path.isRoot()) {
            return new Entry(rootName(), EntryType.DIRECTORY, 0, Instant.EPOCH);
        }
        for (Entry entry : list(path.parent())) {
            if (entry.name().equals(path.name())) {
                return entry;
            }
        }
        throw new NotFoundException(path);
    }

    /**
     * Makes the folder {@code path}. Its parent must be a folder, unless {@code parents}, which makes
     * the missing folders above it too and accepts a folder that is already there (as
     * {@code mkdir -p}). Refused: a name already taken ({@link AlreadyExistsException}), a name that
     * is not plain ({@link InvalidNameException}), a parent that is a file.
     */
    void makeDirectory(StoragePath path, boolean parents);

    /**
     * Gives the file or folder {@code from} the name {@code to}, which must be free and whose parent
     * must be a folder. Neither may be the root, and a folder cannot go inside itself
     * ({@link InvalidMoveException}). One step where {@link StoreGuarantees#atomicRename()}.
     */
    void rename(StoragePath from, StoragePath to);

    /**
     * How many bytes are kept of the interrupted upload bound to {@code key}; 0 when none (always,
     * on a backend that keeps no parts).
     */
    default long keptLength(PartKey key) {
        return 0;
    }

    /** The bytes kept for {@code key}, to hash them before the upload goes on. */
    default InputStream openKeptPart(PartKey key) {
        throw new NotFoundException(key.directory());
    }

    /**
     * Like {@link #beginUpload(StoragePath, FileHeader)}, for an upload bound to {@code key}: if the
     * header is resumable, a suspended upload keeps its part under the key; if the header's offset
     * is not 0, the upload goes on from the part kept under the key, which must be exactly that
     * long ({@link KeptPartGoneException}). Offset 0 drops any part kept under the key. The default
     * keeps nothing.
     */
    default Upload beginUpload(StoragePath directory, FileHeader header, PartKey key) {
        if (header.extensions().offset() > 0) {
            throw new KeptPartGoneException(header.fileName());
        }
        return beginUpload(directory, header);
    }

    /**
     * The space left on the device that holds {@code path} (the root's, when the path is missing),
     * as {@code df} shows it; empty for a store without a device of its own (an object store).
     */
    default OptionalLong freeBytes(StoragePath path) {
        return OptionalLong.empty();
    }

    /** Removes the kept parts whose time is up; returns how many. */
    default int removeExpiredParts() {
        return 0;
    }
}
