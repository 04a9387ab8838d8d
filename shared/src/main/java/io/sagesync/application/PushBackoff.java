package io.sagesync.application;

import java.time.Duration;

/**
 * Exponential backoff for sync-state pushes Magento could not take (5xx, timeouts): {@code base × 2^(n-1)}, capped.
 * With the defaults and the push queue's {@code maxReceiveCount} of 8 the retries wait 1, 2, 4, 8, 16, 32 and 60
 * minutes: about two hours of Magento outage are absorbed before the job is dead-lettered (and can be redriven).
 *
 * @param base delay after the first failure
 * @param cap  longest delay (SQS visibility is capped at 12 hours)
 */
public record PushBackoff(Duration base, Duration cap) {
    // declared first: DEFAULT's constructor reads it during class initialisation
    private static final Duration SQS_MAX_VISIBILITY = Duration.ofHours(12);
    public static final PushBackoff DEFAULT = new PushBackoff(Duration.ofMinutes(1), Duration.ofHours(1));

    public PushBackoff {
        if (base.isNegative() || cap.compareTo(base) < 0 || cap.compareTo(SQS_MAX_VISIBILITY) > 0) {
            throw new IllegalArgumentException("need 0 <= base <= cap <= 12h");
        }
    }

    /** The wait after the {@code attempt}-th failed delivery (1-based; SQS's ApproximateReceiveCount). */
    public Duration delayAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt, 1) - 1, 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
