package dev.fileserver.server.tcp;

import java.net.InetAddress;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fileserver.server.defense.Defender;
import dev.fileserver.server.defense.Offence;
import dev.fileserver.server.ops.FileServerMetrics;

/**
 * Who gets a slot. A banned address is turned away before it takes one. A newcomer that finds
 * the slots full (all of them, or its address's share) takes the place of the oldest connection
 * that has held one past the login grace time without making a request: idle connections cannot
 * lock others out, and an idle one keeps its slot while nobody else wants it (the original client
 * connects at start and waits at its prompt). Every rejection is counted by reason and logged
 * once per burst; the offences among them are reported to the defender.
 */
final class ConnectionGate {

    private static final Logger log = LoggerFactory.getLogger(ConnectionGate.class);

    private final ConnectionSlots slots;

    private final Defender defender;

    private final Duration loginGraceTime;

    private final FileServerMetrics metrics;

    private final RejectionLog rejections = new RejectionLog();

    ConnectionGate(ConnectionSlots slots, Defender defender, Duration loginGraceTime, FileServerMetrics metrics) {
        this.slots = slots;
        this.defender = defender;
        this.loginGraceTime = loginGraceTime;
        this.metrics = metrics;
    }

    /** Gives {@code newcomer} a slot, or turns it away (null when admitted); {@code who} names it in logs. */
    Rejection admit(SlotHolder newcomer, String who) {
        InetAddress address = newcomer.address();
        Rejection rejection = defender.isBanned(address) ? Rejection.BANNED : slots.tryTake(newcomer);
        if (rejection == Rejection.FULL || rejection == Rejection.ADDRESS_LIMIT) {
            SlotHolder overstaying = slots.overstaying(rejection, address, loginGraceTime.toNanos());
            if (overstaying != null) {
                evict(overstaying, who);
                // another newcomer may have taken the freed slot meanwhile: then this one is turned away
                rejection = slots.tryTake(newcomer);
            }
        }
        if (rejection != null) {
            if (rejection == Rejection.ADDRESS_LIMIT) {
                defender.record(address, Offence.OVER_ADDRESS_LIMIT);
            }
            metrics.connectionRejected(rejection.tag());
            rejections.rejected(who, rejection);
        }
        return rejection;
    }

    ConnectionSlots slots() {
        return slots;
    }

    private void evict(SlotHolder overstaying, String newcomer) {
        log.info("{} closed: no request within the login grace time ({} ms); its slot goes to {}", overstaying,
                loginGraceTime.toMillis(), newcomer);
        overstaying.evict();
        metrics.connectionEvicted();
        defender.record(overstaying.address(), Offence.NO_REQUEST_IN_GRACE);
    }
}
