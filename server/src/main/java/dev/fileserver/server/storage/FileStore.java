package dev.fileserver.server.storage;

import java.util.List;

import dev.fileserver.wire.FileHeader;

/**
 * Everything the commands do to stored files, whatever holds them. Every backend keeps these
 * promises (the storage contract test holds each backend to them):
 * <ul>
 * <li>Confinement: nothing outside the root is read, written or listed, whatever the path; the
 * server's own temporaries ({@link Names#TEMPORARY_PREFIX}) are never listed, served or deleted.</li>
 * <li>All or nothing: an {@link Upload} is invisible until committed; a committed file replaces
 * the old one in one step; an aborted one leaves nothing.</li>
 * <li>Listings are sorted by name, by UTF-16 code units, the same on every backend.</li>
 * <li>Downloads are streamed and exact: the header's length is the number of bytes sent, or the
 * transfer fails.</li>
 * </ul>
 * What a backend may promise less of is declared in {@link #guarantees()}. Failures are
 * {@link StorageException}s carrying data, never text for the client.
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
}
