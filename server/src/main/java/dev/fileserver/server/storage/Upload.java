package dev.fileserver.server.storage;

import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import java.util.Map;

/**
 * One incoming file frame on its way into the store. Until {@link #commit()} nobody sees any of
 * it and the target keeps its previous content; {@link #abort()} leaves nothing behind. Exactly one
 * of {@link #commit()}, {@link #abort()} and {@link #suspend()} ends every upload, and any of them
 * after another does nothing. Every failure is a {@link StorageException}, so a caller tells the
 * store's failures from its own source's by type.
 */
public interface Upload {

    /** Appends content; a failure (a full disk, the store unreachable) leaves the upload to be aborted. */
    void write(byte[] bytes, int offset, int length);

    /**
     * Appends the buffer's remaining bytes, as {@link #write(byte[], int, int)} does. Worth calling
     * with a direct buffer only when {@link #writesBuffers()}; otherwise the bytes are copied out.
     */
    default void write(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        write(copy, 0, copy.length);
    }

    /**
     * Whether {@link #write(ByteBuffer)} takes a direct buffer's bytes to the store without a copy
     * through the heap (a local file's channel), so that content read by channel is best written so.
     */
    default boolean writesBuffers() {
        return false;
    }

    /** Publishes what was received under its final name (a folder tarball unpacked) and returns that path. */
    default StoragePath commit() {
        return commit(() -> false);
    }

    /**
     * As {@link #commit()}, asking {@code abandoned} now and then during long work (a tarball
     * being unpacked) whether the client is still there; once it says no, the work stops, nothing is
     * kept, and {@link UploadAbandonedException} is thrown. It is asked often, so it must be cheap.
     */
    StoragePath commit(BooleanSupplier abandoned);

    void abort();

    /**
     * The sender went away before the upload was done. An upload begun with a {@link PartKey} for a
     * resumable header keeps what arrived under that key, invisible to everyone, until it expires or
     * is resumed; any other is aborted. A backend that keeps no parts aborts.
     */
    default void suspend() {
        abort();
    }

    /**
     * The content's SHA-256, checked against the sender's before {@link #commit()}. A backend that
     * can keep it with the stored file (to send it with downloads while the file is unchanged, see
     * {@link Download#keptSha256()}) does; one that cannot ignores it.
     */
    default void verified(String sha256) {
    }

    /**
     * For a folder: the SHA-256 of each file the sender packed, by its name inside the folder.
     * {@link #commit()} then checks every file as it unpacks it, and stores nothing if one differs,
     * is missing or was not announced ({@link DigestMismatchException}).
     */
    default void expectEntries(Map<String, String> sha256ByName) {
        throw new UnsupportedOperationException("this store cannot check a folder's files by digest");
    }
}
