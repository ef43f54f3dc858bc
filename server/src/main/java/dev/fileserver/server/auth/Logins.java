package dev.fileserver.server.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fileserver.server.defense.Defender;
import dev.fileserver.server.defense.Offence;
import dev.fileserver.server.session.Login;
import dev.fileserver.server.storage.Home;
import dev.fileserver.server.storage.HomeFolders;
import dev.fileserver.server.storage.Names;

/**
 * The login step: checks a name and its secret against the accounts, slowed and locked by the
 * {@link LoginThrottle}, and opens the account's home. Every attempt is counted in
 * {@code fileserver.logins} by outcome; a failure is logged with the address and the name (never
 * the secret) and reported to the defender. The delay of a failure is slept on the failing
 * connection's own thread, bounded by {@code max-failure-delay}: no other connection waits for it.
 */
public final class Logins implements Authenticator {

    private static final Logger log = LoggerFactory.getLogger(Logins.class);

    private final Accounts accounts;

    private final LoginThrottle throttle;

    private final AccountSlots slots;

    private final HomeFolders homes;

    private final Defender defender;

    private final boolean required;

    private final Counter succeeded;

    private final Counter failed;

    private final Counter locked;

    Logins(Accounts accounts, LoginThrottle throttle, AccountSlots slots, HomeFolders homes, Defender defender,
            boolean required, MeterRegistry registry) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.slots = slots;
        this.homes = homes;
        this.defender = defender;
        this.required = required;
        this.succeeded = counter(registry, "success");
        this.failed = counter(registry, "failure");
        this.locked = counter(registry, "locked");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("fileserver.logins").tag("outcome", outcome)
                .description("Login attempts by outcome").register(registry);
    }

    @Override
    public boolean offered() {
        return accounts.configured();
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public Login logIn(String name, String secret, InetAddress address) {
        String from = address == null ? "-" : address.getHostAddress();
        // a name is anything a client sent: shown escaped, it cannot forge a line of the log
        String shown = Names.visible(name);
        Duration lockedFor = throttle.lockedFor(from, name);
        if (!lockedFor.isZero()) {
            locked.increment();
            log.warn("Login as '{}' from {} refused: locked for {} s after repeated failures", shown, from,
                    seconds(lockedFor));
            throw new LoginRefusedException(seconds(lockedFor));
        }
        Optional<Account> account = accounts.authenticate(name, secret);
        if (account.isEmpty()) {
            failed.increment();
            Duration delay = throttle.failed(from, name);
            log.warn("Login as '{}' from {} failed", shown, from);
            if (address != null) {
                defender.record(address, Offence.LOGIN_FAILED);
            }
            pause(delay);
            throw new LoginRefusedException(0);
        }
        throttle.succeeded(from, name);
        Runnable release = slots.take(name);
        if (release == null) {
            throw new TooManyConnectionsException(name);
        }
        try {
            Home home = homes.open(account.get().home());
            Login login = new Login(name, account.get().readOnly(), home.store(), home.usage(), release);
            succeeded.increment();
            return login;
        }
        catch (RuntimeException e) {
            release.run();
            log.error("The home '{}' of account '{}' cannot be opened: {}", account.get().home(), name, e.toString());
            failed.increment();
            throw new LoginRefusedException(0);
        }
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
