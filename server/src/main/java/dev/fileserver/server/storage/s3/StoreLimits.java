package dev.fileserver.server.storage.s3;

import dev.fileserver.wire.archive.TarballLimits;

/**
 * What one request may cost the store: an upload's size as sent, how far a folder's tarball may
 * expand, and how long a listing is worth reading before the command refuses it anyway.
 */
record StoreLimits(long maxUploadBytes, TarballLimits tarball, long maxListingChars) {
}
