package dev.fileserver.server.storage.local;

import java.nio.file.Path;

import dev.fileserver.server.config.StartupException;

/** The configured root cannot be served; start-up stops with this message. */
class InvalidRootException extends StartupException {

    InvalidRootException(Path root, String problem) {
        super("fileserver.root '" + root + "' " + problem);
    }
}
