package io.sagesync.application.console;

import io.sagesync.domain.EventName;
import io.sagesync.domain.RunRecord;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.log.JsonLog;
import io.sagesync.port.DeadLetters;
import io.sagesync.port.RunHistory;
import io.sagesync.port.SyncQueue;
import io.sagesync.port.SyncRunStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The console's Runs area: list with filters, one run, Retry of a failed run, Redrive of dead-lettered jobs. */
public final class ConsoleRuns {
    private static final JsonLog LOG = JsonLog.of(ConsoleRuns.class);
    /** One page per day; a shop with more runs in a day narrows by status or event. */
    public static final int PAGE = 200;

    /** @param day UTC day; @param status null = any; @param event null = any */
    public record Filter(LocalDate day, RunStatus status, EventName event) {
    }

    /** What Retry did. */
    public enum RetryResult { QUEUED, NOT_FAILED, NOT_FOUND }

    private final String tenantId;
    private final RunHistory history;
    private final SyncRunStore runs;
    private final SyncQueue queue;
    private final DeadLetters deadLetters;
    private final Clock clock;

    public ConsoleRuns(String tenantId, RunHistory history, SyncRunStore runs, SyncQueue queue,
                       DeadLetters deadLetters, Clock clock) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.history = Objects.requireNonNull(history, "history");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public List<RunRecord> list(Filter filter) {
        var from = filter.day().atStartOfDay(ZoneOffset.UTC).toInstant();
        return history.createdBetween(from, from.plusSeconds(86_400), PAGE).stream()
                .filter(r -> filter.status() == null || r.run().status() == filter.status())
                .filter(r -> filter.event() == null || r.run().event() == filter.event())
                .toList();
    }

    public Optional<RunRecord> find(String runId) {
        return history.find(runId);
    }

    /**
     * Queues a failed run again, exactly as a re-fire from Magento would: same run, enqueue count + 1. The worker
     * fetches the entity afresh, and the cross-references stop anything already in Sage from being posted twice.
     */
    public RetryResult retry(String runId) {
        Optional<SyncRun> run = runs.find(runId);
        if (run.isEmpty()) {
            return RetryResult.NOT_FOUND;
        }
        Optional<SyncRun> requeued = runs.requeueFailed(runId, clock.instant());
        if (requeued.isEmpty()) {
            return RetryResult.NOT_FAILED;
        }
        SyncRun r = requeued.get();
        // website and store are not kept on the run; the worker reads both from the canonical entity
        queue.enqueue(new SyncJob(r.runId(), tenantId, r.event(), r.magentoEntityId(), 0, 0, r.enqueueCount()));
        runs.markEnqueued(r.runId(), r.enqueueCount());
        LOG.info("run retried from the console", "run_id", runId);
        return RetryResult.QUEUED;
    }

    public int deadLettered() {
        return deadLetters.waiting();
    }

    public int redrive() {
        int moved = deadLetters.redrive(100);
        LOG.info("dead-lettered jobs redriven from the console", "count", moved);
        return moved;
    }
}
