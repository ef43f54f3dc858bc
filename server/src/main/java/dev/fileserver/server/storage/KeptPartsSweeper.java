package dev.fileserver.server.storage;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the kept parts of interrupted uploads once their time is up: at start, then every tenth
 * of the keeping time (between a second and ten minutes), so a part outlives its time by a tenth
 * at most. One daemon thread, stopped with the application. The quotas' counts are walked again
 * after parts went.
 */
public final class KeptPartsSweeper extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(KeptPartsSweeper.class);

    private final FileStore store;

    private final HomeFolders homes;

    private final UsageLedger ledger;

    public KeptPartsSweeper(FileStore store, HomeFolders homes, UsageLedger ledger, Duration keepFor) {
        super("kept-parts-sweeper", tenthOf(keepFor));
        this.store = store;
        this.homes = homes;
        this.ledger = ledger;
    }

    private static Duration tenthOf(Duration keepFor) {
        long tenth = keepFor.toMillis() / 10;
        return Duration.ofMillis(Math.max(1000, Math.min(tenth, Duration.ofMinutes(10).toMillis())));
    }

    @Override
    void run() {
        try {
            int removed = store.removeExpiredParts() + homes.removeExpiredParts();
            if (removed > 0) {
                log.info("Removed {} kept parts of interrupted uploads whose time was up", removed);
                // what they held is known only to a walk
                if (ledger.limited()) {
                    ledger.recount();
                }
            }
        }
        catch (RuntimeException e) {
            log.warn("Could not remove expired parts of interrupted uploads: {}", e.getMessage());
        }
    }
}
