package dev.fileserver.server.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fileserver.server.storage.Names;
import dev.fileserver.server.storage.PartKey;
import dev.fileserver.wire.files.RecursiveDelete;

/**
 * The parts of interrupted uploads, kept for {@code keepFor} since their last byte arrived, in one
 * hidden folder at the root named like the server's temporaries (so never listed, served or
 * deleted by a client), each under its key's token. They take room on the root's disk like any
 * file, so they count against the free-space reserve without any bookkeeping. A part is claimed
 * by moving it out of the folder, so two uploads never continue the same part.
 */
final class KeptParts {

    static final String FOLDER = Names.TEMPORARY_PREFIX + "kept-parts";

    private static final Logger log = LoggerFactory.getLogger(KeptParts.class);

    private final Path folder;

    private final Duration keepFor;

    private final Clock clock;

    KeptParts(Path root, Duration keepFor, Clock clock) {
        this.folder = root.resolve(FOLDER);
        this.keepFor = keepFor;
        this.clock = clock;
    }

    static boolean isKeptPartsFolder(Path path) {
        return path.getFileName() != null && path.getFileName().toString().equals(FOLDER);
    }

    /** Whether a path (relative to a root) is a kept-parts folder or inside one, at any depth. */
    static boolean isInKeptPartsFolder(Path relative) {
        for (Path name : relative) {
            if (name.toString().equals(FOLDER)) {
                return true;
            }
        }
        return false;
    }

    /** The kept part's length; 0 when there is none, or its time is up. */
    long length(PartKey key) throws IOException {
        Path part = path(key);
        if (!Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS) || expired(part)) {
            return 0;
        }
        return Files.size(part);
    }

    InputStream open(PartKey key) throws IOException {
        return Files.newInputStream(path(key), LinkOption.NOFOLLOW_LINKS);
    }

    /** Moves the part out to {@code into}; false when it was not there (gone, or claimed meanwhile). */
    boolean claim(PartKey key, Path into) throws IOException {
        try {
            LocalUpload.moveAtomically(path(key), into);
            return true;
        }
        catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Keeps {@code received} under {@code key}, in place of any older part. */
    void keep(Path received, PartKey key) throws IOException {
        Files.createDirectories(folder);
        Files.move(received, path(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        // the clock starts at the last byte received, whatever the file system says the time was
        Files.setLastModifiedTime(path(key), FileTime.from(clock.instant()));
    }

    void drop(PartKey key) {
        RecursiveDelete.deleteQuietly(path(key));
    }

    int removeExpired() {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder)) {
            for (Path part : parts) {
                if (expired(part)) {
                    RecursiveDelete.deleteQuietly(part);
                    removed++;
                }
            }
        }
        catch (IOException e) {
            log.warn("Could not look for expired upload parts in {}: {}", folder, e.getMessage());
        }
        return removed;
    }

    private boolean expired(Path part) throws IOException {
        Instant lastByte = Files.getLastModifiedTime(part, LinkOption.NOFOLLOW_LINKS).toInstant();
        return !lastByte.plus(keepFor).isAfter(clock.instant());
    }

    private Path path(PartKey key) {
        return folder.resolve(key.token());
    }
}
