package dev.fileserver.server.command;

/**
 * What one request may cost: the longest listing or tree sent (one text frame, built in memory),
 * and the largest upload worth reading, even just to throw away.
 */
record CommandLimits(long maxListingChars, long maxUploadBytes) {
}
