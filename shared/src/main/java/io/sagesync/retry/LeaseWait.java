package io.sagesync.retry;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How a process waits for another one holding a lease (the Sage token refresh): re-read after a jittered delay of
 * {@code base/2 + uniform[0, min(cap, base·2^n)]} until {@code maxWait} has passed. See
 * {@link RetryPolicies#SAGE_TOKEN_LEASE_WAIT}.
 *
 * @param base    first backoff bound (half of it is always waited)
 * @param cap     upper bound of the random part
 * @param maxWait how long a waiter keeps re-reading before giving up
 */
public record LeaseWait(Duration base, Duration cap, Duration maxWait) {

    /** The wait before re-read {@code attempt} (0-based). */
    public Duration delay(int attempt, RandomGenerator random) {
        long capMillis = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 10));
        return Duration.ofMillis(base.toMillis() / 2 + random.nextLong(capMillis + 1));
    }
}
