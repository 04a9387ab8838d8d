package io.sagesync.retry;

import java.time.Duration;

/** The queue service's bounds on delays; every queue-level policy stays inside them. */
public final class QueueLimits {
    /** Longest per-message delay on a standard queue (SQS DelaySeconds maximum, 900 s). */
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Longest time a received message can stay invisible (SQS visibility timeout maximum). */
    public static final Duration MAX_VISIBILITY = Duration.ofHours(12);

    private QueueLimits() {
    }

    /** {@code delay} clamped to {@code [0, limit]}, in whole seconds. */
    public static long clampSeconds(Duration delay, Duration limit) {
        return Math.max(0, Math.min(delay.toSeconds(), limit.toSeconds()));
    }
}
