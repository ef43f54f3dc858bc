package dev.fileserver.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told, for what expires or unlocks with time. */
public final class MovableClock extends Clock {

    private Instant now;

    public MovableClock() {
        this(Instant.parse("2025-01-01T00:00:00Z"));
    }

    /** Starting at {@code start}: the present, to compare with times another program stamps. */
    public MovableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
