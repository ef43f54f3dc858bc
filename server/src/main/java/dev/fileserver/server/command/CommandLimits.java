package dev.fileserver.server.command;

/**
 * What one request may cost: the longest listing or tree sent (one text frame, built in memory),
 * the largest upload worth reading, even just to throw away, and how many per-file digests a
 * folder upload's trailer may name (as many as the folder may have entries).
 */
record CommandLimits(long maxListingChars, long maxUploadBytes, int maxTrailerEntries) {
}
