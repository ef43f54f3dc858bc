package dev.fileserver.wire.archive;

/**
 * How far a received tarball may expand: total bytes of its files, number of entries, and how
 * deep and long an entry's name may be. Depth and length bound the work each entry costs, so that
 * a small archive of deeply nested names cannot keep a core busy; the defaults are far beyond what
 * real trees reach (Linux itself refuses paths longer than 4096 bytes).
 *
 * @param maxPathDepth  most parts in an entry's name ({@code a/b/c} has three)
 * @param maxPathLength most characters in an entry's name, parts joined by {@code /}
 */
public record TarballLimits(long maxExpandedBytes, int maxEntries, int maxPathDepth, int maxPathLength) {

    public static final int DEFAULT_MAX_PATH_DEPTH = 256;

    public static final int DEFAULT_MAX_PATH_LENGTH = 4096;

    public TarballLimits {
        if (maxExpandedBytes < 0 || maxEntries < 1 || maxPathDepth < 1 || maxPathLength < 1) {
            throw new IllegalArgumentException("tarball limits must be positive");
        }
    }

    /** With the default depth and length limits. */
    public TarballLimits(long maxExpandedBytes, int maxEntries) {
        this(maxExpandedBytes, maxEntries, DEFAULT_MAX_PATH_DEPTH, DEFAULT_MAX_PATH_LENGTH);
    }

    public TarballLimits withMaxExpandedBytes(long bytes) {
        return new TarballLimits(bytes, maxEntries, maxPathDepth, maxPathLength);
    }

    public TarballLimits withPathLimits(int depth, int length) {
        return new TarballLimits(maxExpandedBytes, maxEntries, depth, length);
    }
}
