package dev.fileserver.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed logins, by remote address and by account name, each counted on its own: a failure is
 * answered after a delay that doubles with every recent failure of either, and once either has
 * failed {@code lockAfter} times within {@code lockTime} it is locked for {@code lockTime}. A name
 * is counted the same whether an account has it or not, so a lock tells nothing about who exists.
 * At most {@code maxTracked} of each are remembered, the least recently seen forgotten first.
 */
final class LoginThrottle {

    /** The longest name kept as a key: longer ones are no account's and need not be told apart. */
    private static final int MAX_KEY_LENGTH = AccountName.MAX_LENGTH + 1;

    private final Duration firstDelay;

    private final Duration maxDelay;

    private final int lockAfter;

    private final Duration lockTime;

    private final Clock clock;

    private final Map<String, Failures> addresses;

    private final Map<String, Failures> names;

    LoginThrottle(AuthProperties settings, Clock clock) {
        this.firstDelay = settings.failureDelay();
        this.maxDelay = settings.maxFailureDelay();
        this.lockAfter = settings.lockAfter();
        this.lockTime = settings.lockTime();
        this.clock = clock;
        this.addresses = bounded(settings.maxTracked());
        this.names = bounded(settings.maxTracked());
    }

    private static Map<String, Failures> bounded(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > max;
            }
        };
    }

    /** How long the address or the name stays locked; zero when neither is. */
    synchronized Duration lockedFor(String address, String name) {
        Instant now = clock.instant();
        Duration byAddress = remaining(addresses.get(address), now);
        Duration byName = remaining(names.get(key(name)), now);
        return byAddress.compareTo(byName) >= 0 ? byAddress : byName;
    }

    /** Counts a failure; returns how long to wait before answering it. */
    synchronized Duration failed(String address, String name) {
        Instant now = clock.instant();
        int count = Math.max(count(addresses, address, now), count(names, key(name), now));
        int doublings = Math.min(count - 1, 20);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** A login succeeded: the name's failures are forgotten, and the address's. */
    synchronized void succeeded(String address, String name) {
        addresses.remove(address);
        names.remove(key(name));
    }

    private int count(Map<String, Failures> failures, String key, Instant now) {
        Failures before = failures.get(key);
        int count = before == null || before.last().plus(lockTime).isBefore(now) ? 1 : before.count() + 1;
        Instant lockedUntil = count >= lockAfter ? now.plus(lockTime) : before == null ? Instant.MIN : before.lockedUntil();
        failures.put(key, new Failures(count >= lockAfter ? 0 : count, now, lockedUntil));
        return count;
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null || !failures.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.lockedUntil());
    }

    private static String key(String name) {
        return name.length() > MAX_KEY_LENGTH ? name.substring(0, MAX_KEY_LENGTH) : name;
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }
}
