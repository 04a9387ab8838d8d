package io.sagesync.testkit.fakes;

import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.SyncRunStore;
import io.sagesync.port.RunLifecycle;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStart;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SyncRunStore} in memory, with the same claim-or-return-owner semantics as the DynamoDB adapter. */
public final class InMemorySyncRunStore implements SyncRunStore, RunLifecycle {
    private final Map<String, Integer> cycles = new ConcurrentHashMap<>();
    private final Map<String, Boolean> retryPending = new ConcurrentHashMap<>();
    private final Map<String, RunOutcome> outcomes = new ConcurrentHashMap<>();

    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Map<String, SyncRun> runs = new ConcurrentHashMap<>();

    @Override
    public synchronized Optional<SyncRun> createIfAbsent(SyncRun run) {
        String owner = keys.get(run.idempotencyKey());
        if (owner != null) {
            return Optional.of(runs.get(owner));
        }
        keys.put(run.idempotencyKey(), run.runId());
        runs.put(run.runId(), run);
        return Optional.empty();
    }

    @Override
    public Optional<SyncRun> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public synchronized void markEnqueued(String runId, int enqueueCount) {
        runs.computeIfPresent(runId, (id, r) -> r.enqueueCount() != enqueueCount ? r : copy(r, r.status(),
                r.enqueueCount(), true, r.updatedAt()));
    }

    @Override
    public synchronized Optional<SyncRun> requeueFailed(String runId, Instant now) {
        SyncRun r = runs.get(runId);
        if (r == null || r.status() != RunStatus.FAILED) {
            return Optional.empty();
        }
        SyncRun queued = r.toBuilder().status(RunStatus.QUEUED).enqueueCount(r.enqueueCount() + 1).enqueued(false)
                .updatedAt(now).errorClass(null).reason(null).build();
        runs.put(runId, queued);
        return Optional.of(queued);
    }

    @Override
    public synchronized Optional<RunStart> start(String runId, Instant now) {
        SyncRun r = runs.get(runId);
        if (r == null || r.status() == RunStatus.SUCCEEDED || r.status() == RunStatus.SKIPPED) {
            return Optional.empty();
        }
        boolean continuing = r.status() == RunStatus.RUNNING
                || r.status() == RunStatus.QUEUED && retryPending.getOrDefault(runId, false);
        int cycle = continuing ? cycles.getOrDefault(runId, 0) + 1 : 1;
        cycles.put(runId, cycle);
        retryPending.remove(runId);
        SyncRun running = r.toBuilder().status(RunStatus.RUNNING).attempts(r.attempts() + 1).updatedAt(now).build();
        runs.put(runId, running);
        return Optional.of(new RunStart(running, cycle));
    }

    @Override
    public synchronized void recordRetry(String runId, ErrorClass errorClass, String reason, Instant now) {
        SyncRun r = runs.get(runId);
        retryPending.put(runId, true);
        runs.put(runId, r.toBuilder().status(RunStatus.QUEUED).updatedAt(now).build());
    }

    @Override
    public synchronized void finish(String runId, RunOutcome o) {
        SyncRun r = runs.get(runId);
        outcomes.put(runId, o);
        SyncRun.Builder finished = r.toBuilder().status(o.status()).updatedAt(o.finishedAt())
                .errorClass(o.errorClass()).reason(o.reason()).reconciliation(o.reconciliation())
                .warnings(o.warnings());
        if (o.sageId() != null) {
            finished.sageDocument(o.sageId(), o.sageReference());
        }
        runs.put(runId, finished.build());
    }

    /** The last terminal outcome written for a run (timings, total_mismatch), if any. */
    public Optional<RunOutcome> outcome(String runId) {
        return Optional.ofNullable(outcomes.get(runId));
    }

    /** Test helper: force a run into a status (as the worker would). */
    public void put(SyncRun run) {
        runs.put(run.runId(), run);
        keys.put(run.idempotencyKey(), run.runId());
    }

    public Map<String, SyncRun> all() {
        return Map.copyOf(runs);
    }

    private static SyncRun copy(SyncRun r, RunStatus status, int enqueueCount, boolean enqueued, Instant updated) {
        return r.toBuilder().status(status).enqueueCount(enqueueCount).enqueued(enqueued).updatedAt(updated).build();
    }
}
