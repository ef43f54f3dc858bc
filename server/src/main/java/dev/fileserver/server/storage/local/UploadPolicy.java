package dev.fileserver.server.storage.local;

import dev.fileserver.wire.archive.TarballLimits;

/**
 * What an upload may cost (its size as sent, how far a tarball expands) and how it is stored: with
 * {@code syncToDisk}, a file's content and its new name are forced to disk before the upload counts
 * as stored, so a power cut leaves the old content or the new, never an empty file.
 */
public record UploadPolicy(long maxUploadBytes, TarballLimits tarball, boolean syncToDisk) {
}
