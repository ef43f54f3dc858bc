package dev.fileserver.server.storage;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks what the quotas' folders hold: once as the server starts, on its own thread so that a big
 * tree does not hold the listener back (an upload that needs the count meanwhile waits for it),
 * then every {@code every}, since files may change behind the server's back. Nothing is walked
 * while no quota is set.
 */
public final class UsageRecount extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(UsageRecount.class);

    private final UsageLedger ledger;

    public UsageRecount(UsageLedger ledger, Duration every) {
        super("quota-recount", every);
        this.ledger = ledger;
    }

    @Override
    boolean needed() {
        return ledger.limited();
    }

    @Override
    void run() {
        long started = System.nanoTime();
        try {
            ledger.recount();
            log.debug("Walked the quotas' folders in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        catch (RuntimeException e) {
            log.warn("Could not count what the quotas' folders hold: {}", e.getMessage());
        }
    }
}
