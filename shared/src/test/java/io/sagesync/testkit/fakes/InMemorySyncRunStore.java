package io.sagesync.testkit.fakes;

import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStart;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.RunLifecycle;
import io.sagesync.port.SyncRunStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SyncRunStore} in memory, with the same single-item conditional semantics as the DynamoDB adapter. */
public final class InMemorySyncRunStore implements SyncRunStore, RunLifecycle {
    private final Map<String, Integer> cycles = new ConcurrentHashMap<>();
    private final Map<String, Boolean> retryPending = new ConcurrentHashMap<>();
    private final Map<String, RunOutcome> outcomes = new ConcurrentHashMap<>();

    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Map<String, SyncRun> runs = new ConcurrentHashMap<>();

    @Override
    public synchronized String claimKey(String idempotencyKey, String runId) {
        return keys.computeIfAbsent(idempotencyKey, k -> runId);
    }

    @Override
    public synchronized Optional<SyncRun> createIfAbsent(SyncRun run) {
        SyncRun existing = runs.get(run.runId());
        if (existing != null) {
            return Optional.of(existing);
        }
        runs.put(run.runId(), run);
        return Optional.empty();
    }

    @Override
    public Optional<SyncRun> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public synchronized void markEnqueued(String runId, int enqueueCount) {
        runs.computeIfPresent(runId, (id, r) -> r.enqueueCount() != enqueueCount ? r
                : copy(r, r.status(), r.enqueueCount(), true, r.updatedAt()));
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
    public synchronized List<SyncRun> stalledSince(Instant cutoff, int limit) {
        return runs.values().stream().filter(InMemorySyncRunStore::active)
                .filter(r -> r.updatedAt().isBefore(cutoff))
                .sorted(Comparator.comparing(SyncRun::updatedAt)).limit(limit).toList();
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
        return Optional.of(new RunStart(running, cycle, r.status() == RunStatus.FAILED));
    }

    @Override
    public synchronized boolean restore(SyncJob job, Instant now) {
        claimKey(job.effectiveIdempotencyKey(), job.runId());
        return createIfAbsent(SyncRun.restoredFrom(job, now)).isEmpty();
    }

    @Override
    public synchronized Optional<SyncRun> nextEnqueue(String runId, Instant changedBefore, Instant now) {
        SyncRun r = runs.get(runId);
        if (r == null || !active(r) || changedBefore != null && !r.updatedAt().isBefore(changedBefore)) {
            return Optional.empty();
        }
        SyncRun next = copy(r, r.status(), r.enqueueCount() + 1, false, now);
        runs.put(runId, next);
        return Optional.of(next);
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

    /** Test helper: lose a run's item while its key claim stays, as a crash between the two writes would. */
    public void loseRun(String runId) {
        runs.remove(runId);
    }

    public Map<String, SyncRun> all() {
        return Map.copyOf(runs);
    }

    private static boolean active(SyncRun r) {
        return r.status() == RunStatus.QUEUED || r.status() == RunStatus.RUNNING;
    }

    private static SyncRun copy(SyncRun r, RunStatus status, int enqueueCount, boolean enqueued, Instant updated) {
        return r.toBuilder().status(status).enqueueCount(enqueueCount).enqueued(enqueued).updatedAt(updated).build();
    }
}
