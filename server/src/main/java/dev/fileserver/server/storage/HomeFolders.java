package dev.fileserver.server.storage;

/**
 * The accounts' home folders as stores of their own: a view of the backend rooted at one home,
 * confined to it exactly as the server's store is confined to its root (the same checks of the
 * same backend, with the home as the root). Made on first use and reused.
 */
public interface HomeFolders {

    /**
     * The store rooted at {@code home}, with its quotas: a path relative to the served root, or,
     * where the backend allows it, an absolute one; the folder is made if missing.
     */
    Home open(String home);

    /** Removes the expired kept parts of uploads in the homes opened so far; returns how many. */
    default int removeExpiredParts() {
        return 0;
    }
}
