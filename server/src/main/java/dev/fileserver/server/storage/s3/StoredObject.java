package dev.fileserver.server.storage.s3;

import java.time.Instant;

/**
 * One object as a HEAD found it: what a download announces, and the ETag that pins what it then
 * reads, so a replacement in between fails the transfer instead of mixing two versions.
 */
record StoredObject(String key, long size, String eTag, int mode, Instant modified) {
}
