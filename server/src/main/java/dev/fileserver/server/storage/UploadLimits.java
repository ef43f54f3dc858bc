package dev.fileserver.server.storage;

import dev.fileserver.wire.archive.TarballLimits;

/** What an upload may cost: its size as sent, the free space it must leave, how far a tarball expands. */
public record UploadLimits(long maxUploadBytes, long freeSpaceReserveBytes, TarballLimits tarball) {
}
