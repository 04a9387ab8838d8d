package io.sagesync.port;

import io.sagesync.domain.RunGauge;
import io.sagesync.domain.RunStatus;
import java.time.Instant;

/**
 * Live run gauges, updated on every run transition so that reading them is one key lookup. Every update is
 * idempotent per run (the same transition recorded twice counts once). All methods throw
 * {@link InfrastructureException} when the store is unavailable.
 */
public interface RunGauges {
    /** The run was accepted or queued again: it counts as pending and no longer as failed. */
    void queued(String runId, Instant at);

    /** The run reached a terminal status: no longer pending; counted as failed when {@code status} is failed. */
    void finished(String runId, RunStatus status, Instant at);

    /** The gauges as of {@code now} (failures older than 24 hours no longer count). */
    RunGauge read(Instant now);
}
