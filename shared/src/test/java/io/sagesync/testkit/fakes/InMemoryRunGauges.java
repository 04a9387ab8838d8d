package io.sagesync.testkit.fakes;

import io.sagesync.domain.RunGauge;
import io.sagesync.domain.RunStatus;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.RunGauges;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RunGauges} in memory, with the same per-run idempotence as the DynamoDB item. */
public final class InMemoryRunGauges implements RunGauges {
    public final Map<String, Instant> pending = new ConcurrentHashMap<>();
    public final Map<String, Instant> failed = new ConcurrentHashMap<>();
    public volatile Instant lastRunAt;
    /** When true, every call fails as the store being unavailable. */
    public volatile boolean unavailable;

    @Override
    public void queued(String runId, Instant at) {
        check();
        pending.put(runId, at);
        failed.remove(runId);
    }

    @Override
    public void finished(String runId, RunStatus status, Instant at) {
        check();
        pending.remove(runId);
        if (status == RunStatus.FAILED) {
            failed.put(runId, at);
        } else {
            failed.remove(runId);
        }
        lastRunAt = at;
    }

    @Override
    public RunGauge read(Instant now) {
        check();
        Instant since = now.minus(Duration.ofHours(24));
        int failed24h = (int) failed.values().stream().filter(t -> !t.isBefore(since)).count();
        return new RunGauge(pending.size(), failed24h, lastRunAt);
    }

    @Override
    public Contents contents() {
        check();
        return new Contents(pending.keySet(), failed, lastRunAt);
    }

    @Override
    public void forget(String runId) {
        check();
        pending.remove(runId);
        failed.remove(runId);
    }

    @Override
    public void failedAt(String runId, Instant at) {
        check();
        pending.remove(runId);
        failed.put(runId, at);
    }

    @Override
    public synchronized void lastRunAtLeast(Instant at) {
        check();
        if (lastRunAt == null || lastRunAt.isBefore(at)) {
            lastRunAt = at;
        }
    }

    private void check() {
        if (unavailable) {
            throw new InfrastructureException("run gauges unavailable (fake)");
        }
    }

    /** Counts are derived from the entries here: nothing to settle. */
    @Override
    public void settle() {
        if (unavailable) {
            throw new InfrastructureException("run gauges unavailable (fake)");
        }
        settled++;
    }

    /** How often {@link #settle} ran. */
    public volatile int settled;
}
