package dev.fileserver.server.session;

import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.UsageLedger;

/**
 * Who a connection logged in as: the account, whether it may only read, the store its paths are
 * confined to (the account's home) with its quotas as that store's paths see them, and what to give back when the connection ends (its place in
 * the account's connection count).
 */
public record Login(String account, boolean readOnly, FileStore home, UsageLedger usage, Runnable release) {

    /** {@code read-only} or {@code read-write}, as the wire and the logs say it. */
    public String access() {
        return readOnly ? "read-only" : "read-write";
    }
}
