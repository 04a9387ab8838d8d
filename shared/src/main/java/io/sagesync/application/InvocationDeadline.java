package io.sagesync.application;

import io.sagesync.port.CallBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The current invocation's deadline, as a {@link CallBudget} for the adapters: the handler calls {@link #begin} with
 * the time the platform says is left (Lambda's {@code getRemainingTimeInMillis}), and every external call is then
 * bounded by that minus {@code margin}, the time kept to record the outcome (run status, retry, push) after the last
 * call. One per execution environment; Lambda runs one invocation at a time in it.
 */
public final class InvocationDeadline implements CallBudget {
    private final Clock clock;
    private final Duration margin;
    private volatile Instant deadline;

    public InvocationDeadline(Clock clock, Duration margin) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.margin = Objects.requireNonNull(margin, "margin");
    }

    /** A new invocation with {@code remaining} left before the platform stops it. */
    public void begin(Duration remaining) {
        deadline = clock.instant().plus(remaining).minus(margin);
    }

    @Override
    public Duration remaining() {
        Instant end = deadline;
        return end == null ? UNBOUNDED.remaining() : Duration.between(clock.instant(), end);
    }
}
