package io.sagesync.testkit.fakes;

import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.SyncRunStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SyncRunStore} in memory, with the same claim-or-return-owner semantics as the DynamoDB adapter. */
public final class InMemorySyncRunStore implements SyncRunStore {
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
        SyncRun queued = new SyncRun(r.runId(), r.tenantId(), r.event(), r.magentoEntityId(), r.idempotencyKey(),
                RunStatus.QUEUED, r.attempts(), r.enqueueCount() + 1, false, r.createdAt(), now, null, null,
                r.sageId(), r.sageReference());
        runs.put(runId, queued);
        return Optional.of(queued);
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
        return new SyncRun(r.runId(), r.tenantId(), r.event(), r.magentoEntityId(), r.idempotencyKey(), status,
                r.attempts(), enqueueCount, enqueued, r.createdAt(), updated, r.errorClass(), r.reason(), r.sageId(),
                r.sageReference());
    }
}
