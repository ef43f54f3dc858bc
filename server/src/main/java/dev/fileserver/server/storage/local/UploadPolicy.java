package dev.fileserver.server.storage.local;

import java.time.Duration;

import dev.fileserver.wire.archive.TarballLimits;

/**
 * What an upload may cost (its size as sent, how far a tarball expands) and how it is stored: with
 * {@code syncToDisk}, a file's content and its new name are forced to disk before the upload counts
 * as stored, so a power cut leaves the old content or the new, never an empty file. The part of an
 * interrupted resumable upload is kept for {@code keepPartsFor} after its last byte arrived.
 */
public record UploadPolicy(long maxUploadBytes, TarballLimits tarball, boolean syncToDisk, Duration keepPartsFor) {

    public static final Duration DEFAULT_KEEP_PARTS_FOR = Duration.ofHours(24);

    public UploadPolicy(long maxUploadBytes, TarballLimits tarball, boolean syncToDisk) {
        this(maxUploadBytes, tarball, syncToDisk, DEFAULT_KEEP_PARTS_FOR);
    }
}
