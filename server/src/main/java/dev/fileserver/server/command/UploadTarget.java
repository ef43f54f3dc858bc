package dev.fileserver.server.command;

import java.security.MessageDigest;

import dev.fileserver.server.session.ConversationState.FileTarget;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.PartKey;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.UsageLedger;
import dev.fileserver.wire.FileHeader;

/**
 * Where an upload's file frame goes: into {@code directory} of {@code store} (the sender's), counted
 * against the quotas of {@code usage} (as that store's paths see them), its kept part bound to {@code owner}, or, when the folder was missing
 * ({@code isDiscarded}), read and thrown away, since the v1 client sends its file even after
 * {@code not_found}. After a {@code resume} answer it also holds the part found ({@code kept}):
 * its key, its length and the digest of its bytes so far, which the upload goes on from.
 */
record UploadTarget(FileStore store, UsageLedger usage, String owner, StoragePath directory, String clientDirectory,
        boolean isDiscarded, KeptPart kept) implements FileTarget {

    static UploadTarget into(Caller caller, String owner, StoragePath directory, String clientDirectory) {
        return new UploadTarget(caller.store(), caller.usage(), owner, directory, clientDirectory, false, null);
    }

    static UploadTarget discarded(Caller caller, String owner, StoragePath directory, String clientDirectory) {
        return new UploadTarget(caller.store(), caller.usage(), owner, directory, clientDirectory, true, null);
    }

    UploadTarget resuming(KeptPart part) {
        return new UploadTarget(store, usage, owner, directory, clientDirectory, isDiscarded, part);
    }

    /** What a part of {@code header}'s upload into this folder is kept under. */
    PartKey keyOf(FileHeader header) {
        return new PartKey(owner, directory, header.fileName(), header.totalLength());
    }

    /** The folder that was not there, for the error a client that asked for one is sent. */
    StoragePath missing() {
        return directory;
    }

    /** Whether a frame continuing {@code key} from {@code offset} goes on from the part found for it. */
    boolean continues(PartKey key, long offset) {
        return kept != null && kept.key().equals(key) && kept.length() == offset;
    }

    /** A kept part as the {@code resume} answer found it. */
    record KeptPart(PartKey key, long length, MessageDigest digestSoFar) {
    }
}
