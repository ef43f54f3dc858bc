package dev.fileserver.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.fileserver.wire.files.RecursiveDelete;

/**
 * A folder for a test class's users file, outside the served root and known before its server
 * starts (the server's settings name it), removed when the JVM ends.
 */
final class UsersFileFolder {

    private UsersFileFolder() {
    }

    static Path create(String name) {
        try {
            Path folder = Files.createTempDirectory("fileserver-users-" + name + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> RecursiveDelete.deleteQuietly(folder)));
            return folder;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
