package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import dev.fileserver.server.storage.StorageFailureException;
import dev.fileserver.server.storage.StorageFailureException.Operation;

/** A disk error as a storage failure, its reason in words that never hold the server's absolute paths. */
final class DiskProblems {

    private DiskProblems() {
    }

    static StorageFailureException failed(Operation operation, String subject, IOException e) {
        return new StorageFailureException(operation, subject, reason(e), e);
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileSystemException fileSystem) {
            return fileSystem.getReason() != null ? fileSystem.getReason() : "file system error";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
