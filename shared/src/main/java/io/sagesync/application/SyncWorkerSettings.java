package io.sagesync.application;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The sync worker's retry and exactly-once knobs, read once at the composition root.
 *
 * @param maxAttempts       attempts per retry cycle before the run fails and the job is dead-lettered
 * @param backoff           delay before retry n (1-based attempt n → element n-1; the last element repeats);
 *                          each at most 15 minutes (SQS DelaySeconds limit)
 * @param lookupBeforePostAfter a run older than this searches Sage by reference before posting, because Sage
 *                          replays an {@code idempotency_id} for 7 days only
 * @param referenceDataTtl  how long Sage reference data (tax rates, ledgers, bank accounts) is reused
 */
public record SyncWorkerSettings(int maxAttempts, List<Duration> backoff, Duration lookupBeforePostAfter,
                                 Duration referenceDataTtl) {

    public static final Duration MAX_DELAY = Duration.ofMinutes(15);

    public SyncWorkerSettings {
        backoff = List.copyOf(backoff);
        Objects.requireNonNull(lookupBeforePostAfter, "lookupBeforePostAfter");
        Objects.requireNonNull(referenceDataTtl, "referenceDataTtl");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (backoff.isEmpty() || backoff.stream().anyMatch(d -> d.isNegative() || d.compareTo(MAX_DELAY) > 0)) {
            throw new IllegalArgumentException("backoff delays must be between 0 and 15 minutes");
        }
    }

    /** 6 attempts; 30 s, 2 min, 5 min, then 15 min; look up by reference after 6 days; reference data for 15 min. */
    public static SyncWorkerSettings defaults() {
        return withMaxAttempts(6);
    }

    public static SyncWorkerSettings withMaxAttempts(int maxAttempts) {
        return new SyncWorkerSettings(maxAttempts, List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(5), MAX_DELAY), Duration.ofDays(6), Duration.ofMinutes(15));
    }

    /** Delay after the failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        return backoff.get(Math.min(Math.max(attempt, 1), backoff.size()) - 1);
    }
}
