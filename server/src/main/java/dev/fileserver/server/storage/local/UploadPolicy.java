package dev.fileserver.server.storage.local;

import java.time.Duration;

import dev.fileserver.wire.archive.TarballLimits;

/**
 * What an upload may cost (its size as sent, how far a tarball expands, in bytes and in proportion
 * to what was sent) and how it is stored: with {@code syncToDisk}, a file's content and its new
 * name are forced to disk before the upload counts as stored, so a power cut leaves the old
 * content or the new, never an empty file. The part of an interrupted resumable upload is kept
 * for {@code keepPartsFor} after its last byte arrived.
 *
 * @param maxExpansionRatio a folder's tarball may expand to this many times the bytes sent for
 *                          it, beyond {@link #RATIO_FREE_BYTES} every folder may take; 0 for no limit
 */
public record UploadPolicy(long maxUploadBytes, TarballLimits tarball, boolean syncToDisk, int maxExpansionRatio,
        Duration keepPartsFor) {

    /** What any folder may expand to whatever its ratio, so that small, compressible folders pass. */
    public static final long RATIO_FREE_BYTES = 8L * 1024 * 1024;

    public static final Duration DEFAULT_KEEP_PARTS_FOR = Duration.ofHours(24);

    public UploadPolicy {
        if (maxExpansionRatio < 0) {
            throw new IllegalArgumentException("the expansion ratio must not be negative");
        }
    }

    /** With no limit on the expansion ratio, and parts kept for the default time. */
    public UploadPolicy(long maxUploadBytes, TarballLimits tarball, boolean syncToDisk) {
        this(maxUploadBytes, tarball, syncToDisk, 0, DEFAULT_KEEP_PARTS_FOR);
    }

    public UploadPolicy(long maxUploadBytes, TarballLimits tarball, boolean syncToDisk, int maxExpansionRatio) {
        this(maxUploadBytes, tarball, syncToDisk, maxExpansionRatio, DEFAULT_KEEP_PARTS_FOR);
    }

    public UploadPolicy(long maxUploadBytes, TarballLimits tarball, boolean syncToDisk, Duration keepPartsFor) {
        this(maxUploadBytes, tarball, syncToDisk, 0, keepPartsFor);
    }

    /** How many bytes a folder sent in {@code sent} bytes may expand to by the ratio alone. */
    long expansionAllowed(long sent) {
        if (maxExpansionRatio == 0) {
            return Long.MAX_VALUE;
        }
        long byRatio = sent > Long.MAX_VALUE / maxExpansionRatio ? Long.MAX_VALUE : sent * maxExpansionRatio;
        return Math.max(RATIO_FREE_BYTES, byRatio);
    }
}
