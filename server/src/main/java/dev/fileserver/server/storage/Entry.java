package dev.fileserver.server.storage;

import java.time.Instant;

/** One name in a folder listing, as the backend stores it; how it is shown is the command's business. */
public record Entry(String name, EntryType type, long size, Instant modified) {
}
