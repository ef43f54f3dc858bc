package dev.fileserver.wire.archive;

/** How far a received tarball may expand: total bytes of its files and number of entries. */
public record TarballLimits(long maxExpandedBytes, int maxEntries) {

    public TarballLimits {
        if (maxExpandedBytes < 0 || maxEntries < 1) {
            throw new IllegalArgumentException("tarball limits must be positive");
        }
    }
}
