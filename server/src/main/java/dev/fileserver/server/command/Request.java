package dev.fileserver.server.command;

import dev.fileserver.server.storage.FileStore;
import dev.fileserver.server.storage.StoragePath;
import dev.fileserver.server.storage.UsageLedger;

/**
 * A parsed request: the command word, the argument as the client sent it (everything after the
 * first space, so it may contain spaces), who sent it, and, for commands that take one, that
 * argument as a path confined to the caller's store.
 */
record Request(String word, String argument, StoragePath path, String rootName, Caller caller) {

    static Request parse(String text) {
        int space = text.indexOf(' ');
        return space < 0
                ? new Request(text, "", null, null, null)
                : new Request(text.substring(0, space), text.substring(space + 1), null, null, null);
    }

    Request from(Caller sender) {
        return new Request(word, argument, path, rootName, sender);
    }

    Request withPath(StoragePath confined, String rootName) {
        return new Request(word, argument, confined, rootName, caller);
    }

    /** The store the request's paths are in: the caller's. */
    FileStore store() {
        return caller.store();
    }

    /** The quotas, as the request's paths see them: the caller's. */
    UsageLedger usage() {
        return caller.usage();
    }

    /** How the path is named back to the client: as it typed it, or the root's own name. */
    String displayName() {
        return argument.isEmpty() && path != null && path.isRoot() && rootName != null ? rootName : argument;
    }
}
