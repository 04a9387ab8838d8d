package io.sagesync.application.console;

import io.sagesync.application.ReplaySkippedRuns;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunRecord;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.log.Log;
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
    private static final Log LOG = Log.of(ConsoleRuns.class);
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
    private final ReplaySkippedRuns replay;
    private final Clock clock;

    /** @param replay the operator's replay, over the same (gauged) run store */
    public ConsoleRuns(String tenantId, RunHistory history, SyncRunStore runs, SyncQueue queue,
                       DeadLetters deadLetters, ReplaySkippedRuns replay, Clock clock) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.history = Objects.requireNonNull(history, "history");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.replay = Objects.requireNonNull(replay, "replay");
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

    /** The jobs at the head of the dead-letter queue (a FIFO queue shows no further), each with its run's id. */
    public List<SyncJob> deadLetteredHead() {
        return deadLetters.head();
    }

    /**
     * Moves one run's dead-lettered job back to the sync queue, leaving every other job where it is.
     *
     * @return false when no job of that run is at the head of the queue (already redriven, or not dead-lettered)
     */
    public boolean redriveRun(String runId) {
        int moved = deadLetters.redriveRun(runId);
        LOG.info("dead-lettered job of one run redriven from the console", "run_id", runId, "count", moved);
        return moved > 0;
    }

    /** A skipped run of an event the worker supports, not replayed yet: what Replay accepts. */
    public boolean replayable(RunRecord record) {
        return record.run().status() == RunStatus.SKIPPED && record.replayedAs() == null
                && replay.supports(record.run().event());
    }

    /** Replays one skipped run (see {@link ReplaySkippedRuns#replayRun}). */
    public ReplaySkippedRuns.RunReplay replay(String runId) {
        return replay.replayRun(runId);
    }

    /**
     * Replays the skipped runs of one UTC day that were not replayed yet (the day's list, read through
     * {@code runs_by_created}: no scan); runs of events the worker still does not support are left alone.
     *
     * @return how many were replayed
     */
    public int replaySkipped(LocalDate day) {
        int replayed = 0;
        for (RunRecord r : list(new Filter(day, RunStatus.SKIPPED, null))) {
            if (r.replayedAs() == null
                    && replay.replayRun(r.run().runId()).result() == ReplaySkippedRuns.RunResult.REPLAYED) {
                replayed++;
            }
        }
        LOG.info("skipped runs replayed from the console", "day", day.toString(), "count", replayed);
        return replayed;
    }
}
