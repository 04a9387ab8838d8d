package io.sagesync.retry;

import java.time.Duration;
import java.util.List;

/**
 * Every retry in sagesync, by name, in one place. Two levels: a call retries briefly in-process, then the work goes
 * back to a queue that retries it later with longer delays.
 *
 * <ul>
 *   <li>{@link #SAGE_HTTP}: each Sage API call, in-process. 4 attempts, full jitter 250 ms..8 s, Sage's
 *       {@code Retry-After} honoured up to 10 s, at most 20 s asleep per request; then the call fails as
 *       RATE_LIMITED/PROVIDER and the sync job retries.</li>
 *   <li>{@link #SAGE_TOKEN_LEASE_WAIT}: a Lambda waiting while another one refreshes the Sage token: re-read every
 *       50 ms + up to 100 ms..2 s, for at most 40 s (a crashed holder's lease runs out after 30 s).</li>
 *   <li>{@link #SYNC_JOB}: a sync job after a transient failure, through the delayed-retry queue: 30 s, 2 min,
 *       5 min, then 15 min; after 6 attempts the run fails and the job is dead-lettered (redrivable).</li>
 *   <li>{@link #SYNC_STATE_PUSH}: a sync-state push Magento could not take, by delaying the message's visibility:
 *       1, 2, 4, 8, 16, 32, 60 minutes; the push queue's {@code maxReceiveCount} of 8 (template.yaml) then
 *       dead-letters it, about two hours of Magento outage later.</li>
 *   <li>Magento's own outbox retries a webhook that got a 5xx; 4xx are dead-lettered by Magento
 *       (magento-wire-contract.md), which is why handlers choose status codes by that rule.</li>
 * </ul>
 */
public final class RetryPolicies {
    /** In-process retries of one Sage API call. */
    public static final InProcessRetry SAGE_HTTP = new InProcessRetry(Duration.ofMillis(250), Duration.ofSeconds(8),
            4, Duration.ofSeconds(10), Duration.ofSeconds(20));

    /** Waiting for another process's Sage token refresh. */
    public static final LeaseWait SAGE_TOKEN_LEASE_WAIT = new LeaseWait(Duration.ofMillis(100),
            Duration.ofSeconds(2), Duration.ofSeconds(40));

    /** Delayed retries of a sync job, and the attempts before it is dead-lettered. */
    public static final DelaySchedule SYNC_JOB = new DelaySchedule(6, List.of(Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(5), QueueLimits.MAX_DELAY));

    /** Redelivery delays of a sync-state push. */
    public static final ExponentialBackoff SYNC_STATE_PUSH = new ExponentialBackoff(Duration.ofMinutes(1),
            Duration.ofHours(1));

    private RetryPolicies() {
    }
}
