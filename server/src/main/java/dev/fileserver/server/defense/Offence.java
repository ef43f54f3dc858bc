package dev.fileserver.server.defense;

/**
 * What a remote address can do that counts toward a ban, and how much it counts. The weights
 * follow SFTPGo's defender: what a client of ours never does weighs more than what a busy but
 * honest one may run into.
 */
public enum Offence {

    /** A frame that breaks the protocol (too large, malformed, not UTF-8): no v1 client sends one. */
    PROTOCOL_ERROR("protocol-error", 3),

    /** A connection turned away because its address already held as many as one address may. */
    OVER_ADDRESS_LIMIT("over-address-limit", 1),

    /** A connection closed so that a newcomer could have its slot: it had made no request within the grace time. */
    NO_REQUEST_IN_GRACE("no-request-in-grace", 1),

    /** A login refused (a wrong secret or no such account); recorded by the login step. */
    LOGIN_FAILED("login-failed", 2);

    private final String tag;

    private final int score;

    Offence(String tag, int score) {
        this.tag = tag;
        this.score = score;
    }

    /** The offence's name in meters and logs. */
    public String tag() {
        return tag;
    }

    int score() {
        return score;
    }
}
