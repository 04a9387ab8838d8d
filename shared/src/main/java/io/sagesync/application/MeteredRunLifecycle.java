package io.sagesync.application;

import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.RunOutcome;
import io.sagesync.log.Metrics;
import io.sagesync.port.RunLifecycle;
import java.time.Instant;

/**
 * Counts what the worker does to runs, without the worker knowing: every terminal outcome is a
 * {@code RunsByOutcome} (which the failure-rate alarm watches) plus a {@code StepLatency} for step {@code run}, and
 * every recorded transient failure is a {@code Retries}; a Sage document whose totals disagree with Magento's is a
 * {@code ReconciliationMismatches} (alarmed), and each mapping warning a {@code MappingWarnings} by code. Metrics are emitted only after the store accepted the write,
 * so a retried write is not counted twice.
 */
public final class MeteredRunLifecycle extends ForwardingRunLifecycle {
    static final String RUN_STEP = "run";
    static final String SYNC_STEP = "sync";

    private final Metrics metrics;

    public MeteredRunLifecycle(RunLifecycle delegate, Metrics metrics) {
        super(delegate);
        this.metrics = metrics;
    }

    @Override
    public void recordRetry(String runId, ErrorClass errorClass, String reason, Instant now) {
        super.recordRetry(runId, errorClass, reason, now);
        metrics.retry(SYNC_STEP);
    }

    @Override
    public void finish(String runId, RunOutcome outcome) {
        super.finish(runId, outcome);
        metrics.runOutcome(outcome.status().wireName());
        metrics.stepLatency(RUN_STEP, outcome.duration());
        if (outcome.reconciliation() != null) {
            metrics.reconciliationMismatch();
        }
        outcome.warnings().forEach(metrics::mappingWarning);
    }
}
