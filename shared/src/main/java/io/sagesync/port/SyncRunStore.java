package io.sagesync.port;

import io.sagesync.domain.SyncRun;
import java.util.Optional;

/**
 * Sync runs and the Idempotency-Key index that points at them. All methods throw {@link InfrastructureException}
 * when the store is unavailable.
 */
public interface SyncRunStore {

    /**
     * Atomically claims {@code run.idempotencyKey()} for {@code run} and writes the run ({@code queued}, not yet
     * enqueued). If the key is already claimed nothing is written and the existing run is returned instead.
     *
     * @return empty if {@code run} was created; otherwise the run that already owns the key
     */
    Optional<SyncRun> createIfAbsent(SyncRun run);

    Optional<SyncRun> find(String runId);

    /** Marks the run's current job as handed to the queue. */
    void markEnqueued(String runId, int enqueueCount);

    /**
     * Moves a {@code failed} run back to {@code queued} (not enqueued) with {@code enqueueCount + 1}, if it is still
     * failed; returns the updated run, or empty if someone else re-queued it first.
     */
    Optional<SyncRun> requeueFailed(String runId, java.time.Instant now);
}
