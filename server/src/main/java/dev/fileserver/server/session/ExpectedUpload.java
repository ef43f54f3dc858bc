package dev.fileserver.server.session;

import java.nio.file.Path;

/**
 * A file frame the conversation expects next: stored into {@code directory}, or read and thrown
 * away when the folder was missing (the v1 client sends the file even after {@code not_found}).
 */
public record ExpectedUpload(Path directory, String clientDirectory) {

    public static ExpectedUpload into(Path directory, String clientDirectory) {
        return new ExpectedUpload(directory, clientDirectory);
    }

    public static ExpectedUpload discarded(String clientDirectory) {
        return new ExpectedUpload(null, clientDirectory);
    }

    public boolean isDiscarded() {
        return directory == null;
    }
}
