package dev.fileserver.server.command;

import dev.fileserver.server.session.Login;
import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.UsageLedger;

/**
 * Who sent a request, as the commands may know it: the store its paths are confined to (the
 * server's root, or after a login the account's home), the quotas as that store's paths see them,
 * its login if any, and whether it came over TLS.
 */
record Caller(FileStore store, UsageLedger usage, Login login, boolean encrypted) {

    boolean isReadOnly() {
        return login != null && login.readOnly();
    }
}
