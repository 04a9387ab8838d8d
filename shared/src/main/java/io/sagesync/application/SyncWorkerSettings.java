package io.sagesync.application;

import io.sagesync.retry.DelaySchedule;
import io.sagesync.retry.RetryPolicies;
import java.time.Duration;
import java.util.Objects;

/**
 * The sync worker's retry and exactly-once knobs, read once at the composition root.
 *
 * @param retry                 delays between attempts and the attempts per cycle before the run fails and the job
 *                              is dead-lettered (default {@link RetryPolicies#SYNC_JOB})
 * @param lookupBeforePostAfter a run older than this searches Sage by reference before posting, because Sage
 *                              replays an {@code idempotency_id} for 7 days only
 * @param referenceDataTtl      how long Sage reference data (tax rates, ledgers, bank accounts) is reused
 */
public record SyncWorkerSettings(DelaySchedule retry, Duration lookupBeforePostAfter, Duration referenceDataTtl) {

    public SyncWorkerSettings {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(lookupBeforePostAfter, "lookupBeforePostAfter");
        Objects.requireNonNull(referenceDataTtl, "referenceDataTtl");
    }

    /** {@link RetryPolicies#SYNC_JOB}; look up by reference after 6 days; reference data for 15 min. */
    public static SyncWorkerSettings defaults() {
        return new SyncWorkerSettings(RetryPolicies.SYNC_JOB, Duration.ofDays(6), Duration.ofMinutes(15));
    }

    public static SyncWorkerSettings withMaxAttempts(int maxAttempts) {
        return new SyncWorkerSettings(RetryPolicies.SYNC_JOB.withMaxAttempts(maxAttempts), Duration.ofDays(6),
                Duration.ofMinutes(15));
    }

    /** Attempts per retry cycle. */
    public int maxAttempts() {
        return retry.maxAttempts();
    }

    /** Delay after the failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        return retry.delayAfter(attempt);
    }
}
