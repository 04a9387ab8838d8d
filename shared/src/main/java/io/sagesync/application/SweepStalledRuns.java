package io.sagesync.application;

import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.log.Log;
import io.sagesync.port.RunLifecycle;
import io.sagesync.port.SyncQueue;
import io.sagesync.port.SyncRunStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The safety net under "nothing lost": on a schedule, every run still {@code queued} or {@code running} whose last
 * change is older than {@code stalledAfter} gets a fresh job in the tenant's FIFO group. Such a run has lost its job
 * somewhere (a webhook that wrote the run but died before the send and was never retried, a message swallowed by a
 * reused de-duplication id, a redrive gone wrong). A run that is merely slow costs one extra job, which the worker
 * acknowledges without work once the run is done; Sage never sees a second post (cross-references).
 *
 * <p>{@code stalledAfter} must exceed the longest legitimate quiet period of a live run: the longest retry delay
 * (15 minutes) plus the function timeout; the default is 30 minutes.
 */
public final class SweepStalledRuns {
    public static final Duration DEFAULT_STALLED_AFTER = Duration.ofMinutes(30);
    /** Runs re-enqueued per sweep, oldest first; the next sweep takes the rest. */
    public static final int DEFAULT_BATCH = 100;

    private static final Log LOG = Log.of(SweepStalledRuns.class);

    private final String tenantId;
    private final SyncRunStore runs;
    private final RunLifecycle lifecycle;
    private final SyncQueue queue;
    private final Clock clock;
    private final Duration stalledAfter;
    private final int batch;

    public SweepStalledRuns(String tenantId, SyncRunStore runs, RunLifecycle lifecycle, SyncQueue queue, Clock clock,
                            Duration stalledAfter, int batch) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (stalledAfter.isNegative() || batch < 1) {
            throw new IllegalArgumentException("stalledAfter must not be negative and batch must be positive");
        }
        this.stalledAfter = stalledAfter;
        this.batch = batch;
    }

    /** @return how many runs got a new job */
    public int sweep() {
        Log.withContext("tenant", tenantId);
        Instant now = clock.instant();
        Instant cutoff = now.minus(stalledAfter);
        int sent = 0;
        for (SyncRun stalled : runs.stalledSince(cutoff, batch)) {
            // taken only if nobody moved the run since it was listed; the count is stored before the send
            Optional<SyncRun> next = lifecycle.nextEnqueue(stalled.runId(), cutoff, now);
            if (next.isEmpty()) {
                continue;
            }
            SyncRun run = next.get();
            queue.enqueue(new SyncJob(run.runId(), tenantId, run.event(), run.magentoEntityId(), 0, 0,
                    run.enqueueCount(), run.idempotencyKey()));
            runs.markEnqueued(run.runId(), run.enqueueCount());
            LOG.warn("stalled run re-enqueued", "run_id", run.runId(), "status", stalled.status().wireName(),
                    "stalled_since", stalled.updatedAt().toString(), "enqueue_count", run.enqueueCount());
            sent++;
        }
        LOG.info("sweep finished", "re_enqueued", sent, "stalled_after_s", stalledAfter.toSeconds());
        return sent;
    }
}
