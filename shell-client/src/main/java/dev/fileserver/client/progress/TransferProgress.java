package dev.fileserver.client.progress;

/** Told how a transfer advances; the conversations report, a terminal may draw. */
public interface TransferProgress {

    TransferProgress NONE = new TransferProgress() {
    };

    default void started(String name, long totalBytes) {
    }

    default void advanced(long bytes) {
    }

    default void finished() {
    }
}
