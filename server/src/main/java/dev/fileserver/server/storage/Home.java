package dev.fileserver.server.storage;

/**
 * An account's home: the store rooted there, and the quotas as that store's paths see them (the
 * home's own, if homes have one, and the whole store's).
 */
public record Home(FileStore store, UsageLedger usage) {
}
