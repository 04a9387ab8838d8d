package io.sagesync.application;

import io.sagesync.domain.EventName;
import io.sagesync.domain.ReplayFilter;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.log.Log;
import io.sagesync.port.ReplayableRuns;
import io.sagesync.port.SyncQueue;
import io.sagesync.port.SyncRunStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The operator's {@code replay}: runs recorded as skipped (typically {@code event_not_supported}, because Magento
 * never resends an event it delivered) get a fresh run each, processed by today's worker. A dry run only counts.
 * <p>Exactly once: the replay run is keyed {@code replay:<original Idempotency-Key>}, so a second replay of the same
 * run finds it instead of creating another; the original run is then marked replayed and drops out of later
 * queries. An interrupted replay is simply run again: it re-enqueues the replay runs it created (the worker ignores
 * a job of a finished run, and every Sage document has its cross-reference). Events the worker still does not
 * support are left alone, so they are not lost to a replay that would only skip them again.
 */
public final class ReplaySkippedRuns {
    private static final Log LOG = Log.of(ReplaySkippedRuns.class);
    private static final String REPLAY_KEY_PREFIX = "replay:";

    private final String tenantId;
    private final ReplayableRuns replayable;
    private final SyncRunStore runs;
    private final SyncQueue queue;
    private final Set<EventName> supported;
    private final Clock clock;

    /**
     * What a replay did.
     *
     * @param matched     runs matching the filter not yet replayed
     * @param unsupported of those, runs of events the worker still does not support (left alone)
     * @param replayed    runs given a replay run and enqueued (0 in a dry run)
     * @param dryRun      whether this was only a count
     */
    public record Report(int matched, int unsupported, int replayed, boolean dryRun) {
        /** What would be (or was) replayed. */
        public int replayable() {
            return matched - unsupported;
        }
    }

    /** What replaying one run did. */
    public enum RunResult { REPLAYED, NOT_SKIPPED, UNSUPPORTED, NOT_FOUND }

    /** @param replayRunId the replay run (null unless replayed) */
    public record RunReplay(RunResult result, String replayRunId) {
    }

    /** Progress while replaying: how many of how many are done. */
    public record Progress(int done, int total) {
    }

    public ReplaySkippedRuns(String tenantId, ReplayableRuns replayable, SyncRunStore runs, SyncQueue queue,
                             Set<EventName> supported, Clock clock) {
        this.tenantId = tenantId;
        this.replayable = replayable;
        this.runs = runs;
        this.queue = queue;
        this.supported = Set.copyOf(supported);
        this.clock = clock;
    }

    /** Whether the worker syncs {@code event} today (a replay of anything else would only be skipped again). */
    public boolean supports(EventName event) {
        return supported.contains(event);
    }

    /** Counts what {@link #replay} would do, changing nothing. */
    public Report dryRun(ReplayFilter filter) {
        List<SyncRun> matched = replayable.find(filter);
        int unsupported = (int) matched.stream().filter(r -> !supported.contains(r.event())).count();
        return new Report(matched.size(), unsupported, 0, true);
    }

    /** Replays every matching run of a supported event, reporting progress after each. */
    public Report replay(ReplayFilter filter, Consumer<Progress> progress) {
        List<SyncRun> matched = replayable.find(filter);
        List<SyncRun> todo = matched.stream().filter(r -> supported.contains(r.event())).toList();
        int done = 0;
        for (SyncRun original : todo) {
            replayOne(original);
            done++;
            progress.accept(new Progress(done, todo.size()));
        }
        LOG.info("replay finished", "matched", matched.size(), "replayed", done, "code", "replay_done");
        return new Report(matched.size(), matched.size() - todo.size(), done, false);
    }

    /**
     * Replays one skipped run (any skip reason: e.g. a policy the merchant has since changed), exactly once like
     * {@link #replay}: a second press finds the same replay run.
     */
    public RunReplay replayRun(String runId) {
        Optional<SyncRun> run = runs.find(runId);
        if (run.isEmpty()) {
            return new RunReplay(RunResult.NOT_FOUND, null);
        }
        if (run.get().status() != RunStatus.SKIPPED) {
            return new RunReplay(RunResult.NOT_SKIPPED, null);
        }
        if (!supported.contains(run.get().event())) {
            return new RunReplay(RunResult.UNSUPPORTED, null);
        }
        String replayId = replayOne(run.get());
        LOG.info("run replayed", "run_id", runId, "replay_run_id", replayId, "code", "replay_done");
        return new RunReplay(RunResult.REPLAYED, replayId);
    }

    private String replayOne(SyncRun original) {
        String replayId = original.runId() + "-replay";
        SyncRun fresh = SyncRun.accepted(new SyncRun.Subject(replayId, tenantId, original.event(),
                original.magentoEntityId(), REPLAY_KEY_PREFIX + original.idempotencyKey()), clock.instant());
        Optional<SyncRun> existing = runs.createIfAbsent(fresh);
        SyncRun replay = existing.orElse(fresh);
        // website and store are not on the run; 0 = unknown, the worker then reads them from the canonical entity
        queue.enqueue(new SyncJob(replay.runId(), tenantId, replay.event(), replay.magentoEntityId(), 0, 0,
                replay.enqueueCount()));
        runs.markEnqueued(replay.runId(), replay.enqueueCount());
        replayable.markReplayed(original.runId(), replay.runId());
        return replay.runId();
    }
}
