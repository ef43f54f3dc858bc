package dev.fileserver.server.command;

import dev.fileserver.server.session.ConversationState.FileTarget;
import dev.fileserver.server.storage.StoragePath;

/**
 * Where an upload's file frame goes: into {@code directory}, or, when the folder was missing
 * ({@code directory} null), read and thrown away, since the v1 client sends its file even after
 * {@code not_found}.
 */
record UploadTarget(StoragePath directory, String clientDirectory, boolean isDiscarded) implements FileTarget {

    static UploadTarget into(StoragePath directory, String clientDirectory) {
        return new UploadTarget(directory, clientDirectory, false);
    }

    static UploadTarget discarded(StoragePath directory, String clientDirectory) {
        return new UploadTarget(directory, clientDirectory, true);
    }

    /** The folder that was not there, for the error a client that asked for one is sent. */
    StoragePath missing() {
        return directory;
    }
}
