package dev.fileserver.server.auth;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashes with their {@code {id}} prefix, so that a stronger scheme can take over later and
 * old hashes still verify. New ones are Argon2id at Spring Security's recommended cost (16 MiB, 2
 * passes, 1 lane): 24 ms a verification on the development machine, against 64 ms for bcrypt at its
 * default cost 10, which is also read. An account that does not exist is verified against a dummy hash, so that it costs
 * what a wrong password costs and the answer's timing tells nothing.
 */
final class PasswordHashes {

    static final String ENCODE_ID = "argon2@SpringSecurity_v5_8";

    private final PasswordEncoder encoder = new DelegatingPasswordEncoder(ENCODE_ID,
            Map.of(ENCODE_ID, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt",
                    new BCryptPasswordEncoder()));

    /**
     * What a missing account is verified against: a hash made once by {@link #hash} and kept, since
     * making one at start-up costs most of a second before the JIT has warmed up. Its password does
     * not matter (a dummy match is never a login); its parameters must be those {@link #hash} uses
     * now, or the two answers would cost different times.
     */
    static final String DUMMY = "{" + ENCODE_ID + "}"
            + "$argon2id$v=19$m=16384,t=2,p=1$u8izo23tzBQ3dQuvbM3+Xg$KXjpC99EuJsR2kzPtipytOpZnGNu8kz55CZMNjLpbOU";

    private final AtomicLong verifications = new AtomicLong();

    String hash(CharSequence password) {
        return encoder.encode(password);
    }

    /** Whether {@code password} is the one {@code stored} was made from; a null {@code stored} costs the same and fails. */
    boolean matches(CharSequence password, String stored) {
        verifications.incrementAndGet();
        if (stored == null) {
            encoder.matches(password, DUMMY);
            return false;
        }
        try {
            return encoder.matches(password, stored);
        }
        catch (IllegalArgumentException e) {
            // a hash with an unknown {id}, edited by hand: no password matches it
            encoder.matches(password, DUMMY);
            return false;
        }
    }

    /** How many passwords were checked, real or dummy: the same for a missing account as for a wrong password. */
    long verifications() {
        return verifications.get();
    }
}
