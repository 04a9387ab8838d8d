package io.sagesync.application;

import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStart;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.RunLifecycle;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link RunLifecycle} that hands every call to another one: the base of the decorators that add one concern to
 * some calls ({@link MeteredRunLifecycle}: metrics; {@link BatchRunStarts}: starts ahead) and leave the rest alone.
 */
public abstract class ForwardingRunLifecycle implements RunLifecycle {
    private final RunLifecycle delegate;

    protected ForwardingRunLifecycle(RunLifecycle delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Optional<RunStart> start(String runId, Instant now) {
        return delegate.start(runId, now);
    }

    @Override
    public boolean restore(SyncJob job, Instant now) {
        return delegate.restore(job, now);
    }

    @Override
    public Optional<SyncRun> nextEnqueue(String runId, Instant changedBefore, Instant now) {
        return delegate.nextEnqueue(runId, changedBefore, now);
    }

    @Override
    public void markEnqueued(String runId, int enqueueCount) {
        delegate.markEnqueued(runId, enqueueCount);
    }

    @Override
    public void recordRetry(String runId, ErrorClass errorClass, String reason, Instant now) {
        delegate.recordRetry(runId, errorClass, reason, now);
    }

    @Override
    public void finish(String runId, RunOutcome outcome) {
        delegate.finish(runId, outcome);
    }
}
