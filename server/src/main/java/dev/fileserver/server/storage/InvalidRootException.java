package dev.fileserver.server.storage;

import java.nio.file.Path;

import dev.fileserver.server.config.StartupException;

/** The configured root cannot be served; start-up stops with this message. */
public class InvalidRootException extends StartupException {

    public InvalidRootException(Path root, String problem) {
        super("fileserver.root '" + root + "' " + problem);
    }
}
