package dev.fileserver.server.defense;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fileserver.server.config.FileServerProperties.DefenderSettings;
import dev.fileserver.server.ops.FileServerMetrics;

/**
 * Refuses for a while the remote addresses that misbehave, as SFTPGo's defender does: each
 * {@link Offence} adds its score to its address, and an address whose scores within the window
 * reach the threshold is banned for the ban time. Addresses on the allow-list are never scored.
 * Memory is bounded whatever the number of addresses: at most {@code max-tracked-addresses} are
 * remembered, the least recently seen forgotten first, each with at most {@code threshold} marks.
 */
public final class Defender {

    private static final Logger log = LoggerFactory.getLogger(Defender.class);

    private final boolean enabled;

    private final int threshold;

    private final Duration window;

    private final Duration banTime;

    private final AllowList allowList;

    private final FileServerMetrics metrics;

    private final Map<InetAddress, Standing> standings;

    /** Throws {@link IllegalArgumentException} when an allow-list entry is not an address or range. */
    public Defender(DefenderSettings settings, FileServerMetrics metrics) {
        this.enabled = settings.enabled();
        this.threshold = settings.threshold();
        this.window = settings.window();
        this.banTime = settings.banTime();
        this.allowList = AllowList.parse(settings.allowList());
        this.metrics = metrics;
        int capacity = settings.maxTrackedAddresses();
        // access order: a banned address that keeps knocking stays remembered, a quiet one goes first
        this.standings = new LinkedHashMap<>(16, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, Standing> eldest) {
                return size() > capacity;
            }
        };
        metrics.watchDefender(this::bannedCount, this::trackedCount);
    }

    /** Whether {@code address} is trusted: never banned, and not capped per address. */
    public boolean trusts(InetAddress address) {
        return allowList.contains(address);
    }

    public boolean isBanned(InetAddress address) {
        if (!enabled) {
            return false;
        }
        synchronized (standings) {
            Standing standing = standings.get(address);
            return standing != null && standing.bannedAt(System.nanoTime());
        }
    }

    /** Counts {@code offence} against {@code address}, banning it if that brings it to the threshold. */
    public void record(InetAddress address, Offence offence) {
        if (!enabled || trusts(address)) {
            return;
        }
        metrics.offenceRecorded(offence.tag());
        boolean banned;
        synchronized (standings) {
            banned = standings.computeIfAbsent(address, key -> new Standing())
                    .add(System.nanoTime(), offence.score(), threshold, window.toNanos(), banTime.toNanos());
        }
        if (banned) {
            metrics.addressBanned();
            log.warn("Banning {} for {} s: its offences reached a score of {} within {} s (the last: {})",
                    address.getHostAddress(), banTime.toSeconds(), threshold, window.toSeconds(), offence.tag());
        }
    }

    private int bannedCount() {
        long now = System.nanoTime();
        synchronized (standings) {
            return (int) standings.values().stream().filter(standing -> standing.bannedAt(now)).count();
        }
    }

    private int trackedCount() {
        synchronized (standings) {
            return standings.size();
        }
    }

    /** One address's recent offences, or its ban. Guarded by the map's lock. */
    private static final class Standing {

        private final ArrayDeque<Mark> marks = new ArrayDeque<>();

        private int score;

        private boolean banned;

        private long bannedUntil;

        /** Adds one offence; true when it bans the address. */
        boolean add(long now, int points, int threshold, long windowNanos, long banNanos) {
            if (bannedAt(now)) {
                // connections opened before the ban still misbehave; the ban is not made longer for it
                return false;
            }
            while (!marks.isEmpty() && now - marks.peekFirst().at() > windowNanos) {
                score -= marks.removeFirst().points();
            }
            marks.addLast(new Mark(now, points));
            score += points;
            if (score < threshold) {
                return false;
            }
            banned = true;
            bannedUntil = now + banNanos;
            marks.clear();
            score = 0;
            return true;
        }

        boolean bannedAt(long now) {
            return banned && bannedUntil - now > 0;
        }
    }

    private record Mark(long at, int points) {
    }
}
