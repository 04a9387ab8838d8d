package io.sagesync.simulator.sage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A thread-safe test clock that only moves when told to; lets tests expire tokens and idempotency windows. */
public final class AdjustableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock frozen at {@code start}, UTC. */
    public AdjustableClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private AdjustableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public void advance(Duration duration) {
        now.updateAndGet(i -> i.plus(duration));
    }

    /** Sets the clock to {@code instant}. */
    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new AdjustableClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
