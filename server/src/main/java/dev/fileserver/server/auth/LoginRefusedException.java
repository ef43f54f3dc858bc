package dev.fileserver.server.auth;

/**
 * A login refused: a wrong secret or no such account (never told apart), or, when
 * {@code lockedSeconds} is above 0, an address or name locked after too many failures.
 */
public final class LoginRefusedException extends RuntimeException {

    private final long lockedSeconds;

    public LoginRefusedException(long lockedSeconds) {
        super(lockedSeconds > 0 ? "locked for " + lockedSeconds + " s" : "wrong name or secret");
        this.lockedSeconds = lockedSeconds;
    }

    public boolean isLocked() {
        return lockedSeconds > 0;
    }

    public long lockedSeconds() {
        return lockedSeconds;
    }
}
