package io.sagesync.testkit.fakes;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunRecord;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.RunHistory;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link RunHistory} read from an {@link InMemorySyncRunStore} (runs plus their last outcome's timing). */
public final class InMemoryRunHistory implements RunHistory {
    private final InMemorySyncRunStore store;

    public InMemoryRunHistory(InMemorySyncRunStore store) {
        this.store = store;
    }

    @Override
    public List<RunRecord> createdBetween(Instant from, Instant to, int limit) {
        return store.all().values().stream()
                .filter(r -> !r.createdAt().isBefore(from) && r.createdAt().isBefore(to))
                .sorted(Comparator.comparing(SyncRun::createdAt).reversed()).limit(limit).map(this::record)
                .toList();
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        return store.find(runId).map(this::record);
    }

    @Override
    public List<RunRecord> forEntity(EntityType type, long magentoEntityId) {
        return store.all().values().stream()
                .filter(r -> r.event().entityType() == type && r.magentoEntityId() == magentoEntityId)
                .sorted(Comparator.comparing(SyncRun::createdAt).reversed()).map(this::record).toList();
    }

    private RunRecord record(SyncRun run) {
        Optional<RunOutcome> o = store.outcome(run.runId()).filter(x -> run.status().isTerminal());
        var timeline = new RunRecord.Timeline(o.map(RunOutcome::startedAt).orElse(null),
                o.map(RunOutcome::finishedAt).orElse(null), o.map(x -> x.duration().toMillis()).orElse(null), null,
                null);
        return new RunRecord(run, timeline, null, o.map(RunOutcome::totalMismatch).orElse(false),
                o.map(RunOutcome::totals).orElse(null), null);
    }
}
