package io.sagesync.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which finished runs an operator replays (docs/refunds.md "Replay"): by event, status, reason and the run's
 * creation time. The defaults are what the replay exists for: runs skipped as {@code event_not_supported}.
 *
 * @param events empty = every event
 * @param status the runs' status (default {@code skipped})
 * @param reason the runs' skip reason or failure reason; null = any
 * @param from   created at or after; null = no lower bound
 * @param to     created before; null = no upper bound
 */
public record ReplayFilter(Set<EventName> events, RunStatus status, String reason, Instant from, Instant to) {
    /** The skip reason of events the worker did not support when they arrived. */
    public static final String EVENT_NOT_SUPPORTED = "event_not_supported";

    public ReplayFilter {
        events = Set.copyOf(Objects.requireNonNull(events, "events"));
        Objects.requireNonNull(status, "status");
        if (status == RunStatus.QUEUED || status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("only finished runs (skipped, failed, succeeded) can be replayed");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** Every run skipped as {@code event_not_supported}. */
    public static ReplayFilter unsupportedEvents() {
        return new ReplayFilter(Set.of(), RunStatus.SKIPPED, EVENT_NOT_SUPPORTED, null, null);
    }

    /** Whether {@code run} matches (the store may pre-filter; this is the authoritative check). */
    public boolean matches(SyncRun run) {
        return (events.isEmpty() || events.contains(run.event()))
                && run.status() == status
                && (reason == null || reason.equals(run.reason()))
                && (from == null || !run.createdAt().isBefore(from))
                && (to == null || run.createdAt().isBefore(to));
    }
}
