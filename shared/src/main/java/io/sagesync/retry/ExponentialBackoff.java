package io.sagesync.retry;

import java.time.Duration;

/**
 * Exponential backoff between redeliveries of a queue message: {@code base × 2^(n-1)}, capped. Used for sync-state
 * pushes Magento could not take (5xx, timeouts); see {@link RetryPolicies#SYNC_STATE_PUSH}.
 *
 * @param base delay after the first failure
 * @param cap  longest delay (SQS visibility is capped at 12 hours)
 */
public record ExponentialBackoff(Duration base, Duration cap) {
    public ExponentialBackoff {
        if (base.isNegative() || cap.compareTo(base) < 0 || cap.compareTo(QueueLimits.MAX_VISIBILITY) > 0) {
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
