package dev.fileserver.client.connection;

/**
 * Who the server knows this connection as: an account, or no one (a server without accounts, or
 * one that serves anonymous clients too).
 *
 * @param name     the account, or null when not logged in
 * @param readOnly whether the server refuses this account's uploads, deletes and renames
 */
public record Account(String name, boolean readOnly) {

    public static final Account ANONYMOUS = new Account(null, false);

    public boolean anonymous() {
        return name == null;
    }
}
