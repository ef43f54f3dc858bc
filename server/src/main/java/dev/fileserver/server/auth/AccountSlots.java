package dev.fileserver.server.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** How many connections each account holds, counted at login, against {@code fileserver.max-clients-per-account}. */
final class AccountSlots {

    private final Integer max;

    private final Map<String, Integer> held = new HashMap<>();

    /** @param max connections one account may hold at once; null for no limit */
    AccountSlots(Integer max) {
        this.max = max;
    }

    /** A slot for {@code account}, given back by running what is returned (once, however often run); null when full. */
    synchronized Runnable take(String account) {
        int count = held.getOrDefault(account, 0);
        if (max != null && count >= max) {
            return null;
        }
        held.put(account, count + 1);
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                release(account);
            }
        };
    }

    private synchronized void release(String account) {
        held.computeIfPresent(account, (name, count) -> count > 1 ? count - 1 : null);
    }
}
