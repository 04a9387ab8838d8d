package io.sagesync.port;

import io.sagesync.domain.SyncRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sync runs and the Idempotency-Key index that points at them. All methods throw {@link InfrastructureException}
 * when the store is unavailable.
 *
 * <p>The key claim and the run are two separate conditional writes, not one transaction: a key whose run is missing
 * (a crash between the two, or an emulator that lost a write) is repaired by the next delivery of the same key, which
 * writes the run under the key's run id. See {@code AcceptWebhook}.
 */
public interface SyncRunStore {

    /**
     * Claims {@code idempotencyKey} for {@code runId} unless another unexpired claim holds it.
     *
     * @return the run id that owns the key: {@code runId} if this call claimed it, the earlier owner's otherwise
     */
    String claimKey(String idempotencyKey, String runId);

    /**
     * Writes {@code run} unless a run with its id exists.
     *
     * @return empty if {@code run} was written; otherwise the run already stored under that id
     */
    Optional<SyncRun> createIfAbsent(SyncRun run);

    Optional<SyncRun> find(String runId);

    /** Marks the run's current job as handed to the queue. */
    void markEnqueued(String runId, int enqueueCount);

    /**
     * Moves a {@code failed} run back to {@code queued} (not enqueued) with {@code enqueueCount + 1}, if it is still
     * failed; returns the updated run, or empty if someone else re-queued it first.
     */
    Optional<SyncRun> requeueFailed(String runId, Instant now);

    /**
     * Runs still {@code queued} or {@code running} whose last change is older than {@code cutoff}, oldest first: the
     * sweeper's candidates (a job lost between the store and the queue, or swallowed by a FIFO de-duplication id).
     */
    List<SyncRun> stalledSince(Instant cutoff, int limit);
}
