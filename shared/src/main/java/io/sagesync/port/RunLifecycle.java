package io.sagesync.port;

import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStart;
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

    /** Records a transient failure: the run goes back to {@code queued} with the last error, waiting for a retry. */
    void recordRetry(String runId, ErrorClass errorClass, String reason, Instant now);

    /** Writes a terminal outcome (status, finished_at, duration, error class, reason, Sage ids, total_mismatch). */
    void finish(String runId, RunOutcome outcome);
}
