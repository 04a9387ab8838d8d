package io.sagesync.application;

import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStart;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.log.Log;
import io.sagesync.port.DailyTotals;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.RunGauges;
import io.sagesync.port.RunLifecycle;
import io.sagesync.port.SyncRunStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps {@link RunGauges} (and, for the sync worker, {@link DailyTotals}) in step with every run transition, after the
 * run store has recorded it. A gauge write that fails is logged and never fails the transition: the gauges are a
 * view for Magento's tile and the console, the runs are the truth (and the gauges are rebuilt from them by
 * {@code RecountRunGauges}).
 */
public final class GaugedRunStore implements SyncRunStore, RunLifecycle {
    private static final Log LOG = Log.of(GaugedRunStore.class);

    private final SyncRunStore runs;
    private final RunLifecycle lifecycle;
    private final RunGauges gauges;
    private final DailyTotals dailyTotals;

    /** For callers that never finish a run with a posted document (webhook, sweeper, console). */
    public GaugedRunStore(SyncRunStore runs, RunLifecycle lifecycle, RunGauges gauges) {
        this(runs, lifecycle, gauges, null);
    }

    /** @param dailyTotals where a finished run's document totals go (the sync worker); null for none */
    public GaugedRunStore(SyncRunStore runs, RunLifecycle lifecycle, RunGauges gauges, DailyTotals dailyTotals) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.gauges = Objects.requireNonNull(gauges, "gauges");
        this.dailyTotals = dailyTotals;
    }

    @Override
    public String claimKey(String idempotencyKey, String runId) {
        return runs.claimKey(idempotencyKey, runId);
    }

    @Override
    public Optional<SyncRun> createIfAbsent(SyncRun run) {
        Optional<SyncRun> existing = runs.createIfAbsent(run);
        if (existing.isEmpty()) {
            gauge(() -> gauges.queued(run.runId(), run.createdAt()));
        }
        return existing;
    }

    @Override
    public Optional<SyncRun> find(String runId) {
        return runs.find(runId);
    }

    @Override
    public void markEnqueued(String runId, int enqueueCount) {
        runs.markEnqueued(runId, enqueueCount);
    }

    @Override
    public Optional<SyncRun> requeueFailed(String runId, Instant now) {
        Optional<SyncRun> requeued = runs.requeueFailed(runId, now);
        requeued.ifPresent(r -> gauge(() -> gauges.queued(runId, now)));
        return requeued;
    }

    @Override
    public List<SyncRun> stalledSince(Instant cutoff, int limit) {
        return runs.stalledSince(cutoff, limit);
    }

    @Override
    public Optional<RunStart> start(String runId, Instant now) {
        Optional<RunStart> started = lifecycle.start(runId, now);
        // a redriven failed run starts without passing through requeueFailed: it is pending again (a queued or
        // running run is pending already: its gauge member exists, and re-writing it would cost a write per job)
        started.filter(RunStart::reopened).ifPresent(s -> gauge(() -> gauges.queued(runId, now)));
        return started;
    }

    @Override
    public boolean restore(SyncJob job, Instant now) {
        boolean restored = lifecycle.restore(job, now);
        // a re-materialised run is pending again, like a freshly accepted one
        if (restored) {
            gauge(() -> gauges.queued(job.runId(), now));
        }
        return restored;
    }

    @Override
    public Optional<SyncRun> nextEnqueue(String runId, Instant changedBefore, Instant now) {
        // a new enqueue count leaves the run queued or running: still pending, no gauge moves
        return lifecycle.nextEnqueue(runId, changedBefore, now);
    }

    @Override
    public void recordRetry(String runId, ErrorClass errorClass, String reason, Instant now) {
        lifecycle.recordRetry(runId, errorClass, reason, now);
    }

    @Override
    public void finish(String runId, RunOutcome outcome) {
        lifecycle.finish(runId, outcome);
        gauge(() -> gauges.finished(runId, outcome.status(), outcome.finishedAt()));
        if (dailyTotals != null && outcome.totals() != null) {
            gauge(() -> dailyTotals.record(runId, outcome.totals()));
        }
    }

    private static void gauge(Runnable update) {
        try {
            update.run();
        } catch (InfrastructureException e) {
            LOG.warn("run gauge not updated", "cause", e.getMessage());
        }
    }
}
