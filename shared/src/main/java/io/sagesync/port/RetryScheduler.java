package io.sagesync.port;

import io.sagesync.domain.SyncJob;
import java.time.Duration;

/**
 * Where jobs go that must not block their tenant's FIFO group: a delayed retry, or the dead-letter queue once the
 * retry budget is spent. Both throw {@link InfrastructureException} if the queue did not accept the job.
 */
public interface RetryScheduler {
    /** Hands the job back after {@code delay} (at most 15 minutes, SQS's DelaySeconds limit). */
    void retryLater(SyncJob job, Duration delay);

    /** Parks the job where an operator can inspect and redrive it. */
    void deadLetter(SyncJob job);
}
