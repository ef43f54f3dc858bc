package dev.fileserver.server.storage;

import dev.fileserver.wire.archive.UnsafeArchiveException;

/** A folder upload whose tarball is unsafe, corrupt or too large to unpack. */
public class ArchiveRefusedException extends StorageException {

    public ArchiveRefusedException(UnsafeArchiveException cause) {
        super(cause.getMessage(), cause);
    }

    /** What the archive did wrong, in the words of the archive reader (shared with the client). */
    public UnsafeArchiveException problem() {
        return (UnsafeArchiveException) getCause();
    }
}
