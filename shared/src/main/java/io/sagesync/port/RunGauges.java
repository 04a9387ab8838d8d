package io.sagesync.port;

import io.sagesync.domain.RunGauge;
import io.sagesync.domain.RunStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

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

    // ---- repair (RecountRunGauges): set one run's entry to what its stored status says, leaving last_run_at alone

    /**
     * What the gauges hold, run by run.
     *
     * @param pending   runs counted pending
     * @param failed    runs counted failed, with when they failed
     * @param lastRunAt the recorded last run, null if none
     */
    record Contents(Set<String> pending, Map<String, Instant> failed, Instant lastRunAt) {
        public Contents {
            pending = Set.copyOf(pending);
            failed = Map.copyOf(failed);
        }
    }

    Contents contents();

    /** The run counts neither pending nor failed (it finished otherwise, or it does not exist). */
    void forget(String runId);

    /** The run counts failed at {@code at}, not pending; {@code last_run_at} is not moved. */
    void failedAt(String runId, Instant at);

    /** {@code last_run_at} becomes {@code at} unless it records a later time already. */
    void lastRunAtLeast(Instant at);

    /**
     * Brings any aggregate the store keeps beside the per-run entries (counters) back in line with those entries,
     * after a crash between the two writes; the recount's last step.
     */
    void settle();
}
