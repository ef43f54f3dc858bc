package dev.fileserver.server.auth;

/**
 * An account a client may log in as.
 *
 * @param home the home folder as the users file names it, or the account's name when it names none
 */
record Account(String name, boolean readOnly, String home) {

    static Account of(String name, StoredAccount stored) {
        return new Account(name, stored.readOnly(), stored.home() == null ? name : stored.home());
    }
}
