package dev.fileserver.server.command;

import dev.fileserver.server.command.UploadReceiver.InFlightUpload;
import dev.fileserver.server.storage.StorageException;
import dev.fileserver.wire.FileHeader;

/** What reading an expected file frame came to; the conversation's next turn acts on it. */
sealed interface FileFrameOutcome {

    FileHeader header();

    /** Every byte arrived; the upload waits to be committed. */
    record Received(FileHeader header, InFlightUpload upload) implements FileFrameOutcome {
    }

    /** Read to its end and dropped: its folder was missing. */
    record Discarded(FileHeader header, UploadTarget target) implements FileFrameOutcome {
    }

    /**
     * Refused before or while its content arrived; the rest of the stream cannot be trusted.
     * {@code clientPath} names the folder when the problem is about it, as the client typed it.
     */
    record Refused(FileHeader header, StorageException problem, String clientPath) implements FileFrameOutcome {
    }
}
