package dev.fileserver.server.auth;

/** The account already holds as many connections as one account may. */
public final class TooManyConnectionsException extends RuntimeException {

    private final String account;

    TooManyConnectionsException(String account) {
        super(account + " holds as many connections as an account may");
        this.account = account;
    }

    public String account() {
        return account;
    }
}
