package dev.fileserver.server.storage.s3;

import dev.fileserver.server.config.StartupException;

/** The configured bucket cannot be served; start-up stops with this one line. */
class BucketUnavailableException extends StartupException {

    BucketUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
