package io.sagesync.port;

import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStart;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import java.time.Instant;
import java.util.Optional;

/**
 * The sync worker's side of a run's life cycle ({@code queued → running → succeeded | skipped | failed}). All methods
 * throw {@link InfrastructureException} when the store is unavailable.
 */
public interface RunLifecycle {

    /**
     * Moves the run to {@code running} (attempts + 1, {@code started_at = now}). A {@code failed} run may start again
     * (operator redrive, re-fire), and then begins a fresh retry cycle.
     *
     * @return the started run, or empty when the run does not exist or is already {@code succeeded}/{@code skipped}
     */
    Optional<RunStart> start(String runId, Instant now);

    /**
     * Re-materialises a run that a job refers to but the store does not hold (a lost write): the run is written
     * {@code queued} from the job's fields, and its Idempotency-Key claimed for it if the key is free.
     *
     * @return true if the run was written; false if a run with that id already exists
     */
    boolean restore(SyncJob job, Instant now);

    /**
     * Takes the next enqueue count for a {@code queued} or {@code running} run, atomically and stored
     * ({@code enqueue_count + 1}, not yet enqueued), so every job sent to the FIFO queue carries a de-duplication id
     * never used before.
     *
     * @param changedBefore only if the run's last change is older than this (the sweeper's guard against taking a
     *                      run a worker has just moved); null for no guard
     * @return the run with its new count, or empty when the run is missing, terminal or changed since
     */
    Optional<SyncRun> nextEnqueue(String runId, Instant changedBefore, Instant now);

    /** Marks the job of {@code enqueueCount} as handed to the queue (no-op if a newer count exists). */
    void markEnqueued(String runId, int enqueueCount);

    /** Records a transient failure: the run goes back to {@code queued} with the last error, waiting for a retry. */
    void recordRetry(String runId, ErrorClass errorClass, String reason, Instant now);

    /** Writes a terminal outcome (status, finished_at, duration, error class, reason, Sage ids, total_mismatch). */
    void finish(String runId, RunOutcome outcome);
}
