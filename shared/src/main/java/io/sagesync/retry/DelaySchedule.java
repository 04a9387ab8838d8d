package io.sagesync.retry;

import java.time.Duration;
import java.util.List;

/**
 * A fixed list of delays between attempts, and how many attempts make one cycle before giving up. Attempt n
 * (1-based) is followed by element n-1; the last element repeats. Used for sync jobs; see
 * {@link RetryPolicies#SYNC_JOB}.
 *
 * @param maxAttempts attempts per cycle before the caller gives up (and, for sync jobs, dead-letters)
 * @param delays      each at most {@link QueueLimits#MAX_DELAY}, because they are queue delays
 */
public record DelaySchedule(int maxAttempts, List<Duration> delays) {

    public DelaySchedule {
        delays = List.copyOf(delays);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (delays.isEmpty()
                || delays.stream().anyMatch(d -> d.isNegative() || d.compareTo(QueueLimits.MAX_DELAY) > 0)) {
            throw new IllegalArgumentException("backoff delays must be between 0 and 15 minutes");
        }
    }

    /** The same delays with another attempt budget. */
    public DelaySchedule withMaxAttempts(int attempts) {
        return new DelaySchedule(attempts, delays);
    }

    /** Delay after the failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        return delays.get(Math.min(Math.max(attempt, 1), delays.size()) - 1);
    }
}
