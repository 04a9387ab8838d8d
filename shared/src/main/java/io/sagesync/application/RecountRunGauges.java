package io.sagesync.application;

import io.sagesync.domain.RunGauge;
import io.sagesync.domain.RunRecord;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;
import io.sagesync.log.Log;
import io.sagesync.port.RunGauges;
import io.sagesync.port.RunHistory;
import io.sagesync.port.SyncRunStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Repairs the tile's gauges ({@link RunGauges}) from the runs, which are the truth: the gauges drift when a gauge
 * write fails or a process dies between the run write and the gauge write. Pending = the runs in the sparse
 * {@code ActiveRuns} index (queued or running); failed in 24 h = the runs created in the last
 * {@value #LOOKBACK_DAYS} days ({@code runs_by_created}) whose latest outcome is a failure within 24 hours.
 *
 * <p>Every difference is confirmed by a consistent read of the run before the gauge is changed (both indexes are
 * eventually consistent), and each change is the same idempotent per-run write the transitions use, so a recount
 * racing the worker converges: at worst a run that changed during the recount needs the next one. At most
 * {@value #MAX_FIXES} runs are corrected per call ({@link Report#more()} then says so).
 */
public final class RecountRunGauges {
    static final int LOOKBACK_DAYS = 7;
    static final int MAX_RUNS = 10_000;
    static final int MAX_FIXES = 500;
    private static final Duration FAILED_WINDOW = Duration.ofHours(24);
    private static final Log LOG = Log.of(RecountRunGauges.class);

    /**
     * What a recount changed.
     *
     * @param pendingAdded   runs pending in truth that the gauges missed
     * @param pendingRemoved runs the gauges counted pending that are not (any more)
     * @param failedAdded    runs failed within 24 hours that the gauges missed
     * @param failedRemoved  runs the gauges counted failed that are not failed (any more)
     * @param lastRunMoved   whether {@code last_run_at} was behind the latest finished run
     * @param more           whether differences are left for another recount (over {@value #MAX_FIXES})
     */
    public record Report(int pendingAdded, int pendingRemoved, int failedAdded, int failedRemoved,
                         boolean lastRunMoved, boolean more) {
        public int corrected() {
            return pendingAdded + pendingRemoved + failedAdded + failedRemoved;
        }
    }

    private final SyncRunStore runs;
    private final RunHistory history;
    private final RunGauges gauges;
    private final Clock clock;

    public RecountRunGauges(SyncRunStore runs, RunHistory history, RunGauges gauges, Clock clock) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.history = Objects.requireNonNull(history, "history");
        this.gauges = Objects.requireNonNull(gauges, "gauges");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The gauges as the tile reads them now. */
    public RunGauge current() {
        return gauges.read(clock.instant());
    }

    public Report recount() {
        Instant now = clock.instant();
        Instant failedSince = now.minus(FAILED_WINDOW);
        // the gauges first: a transition after this read is in the runs read next, or changes nothing we touch
        RunGauges.Contents held = gauges.contents();
        Set<String> active = runs.stalledSince(now.plusSeconds(1), MAX_RUNS).stream().map(SyncRun::runId)
                .collect(Collectors.toSet());
        Map<String, Instant> failed = new HashMap<>();
        Instant latest = null;
        for (RunRecord r : history.createdBetween(now.minus(Duration.ofDays(LOOKBACK_DAYS)), now.plusSeconds(1),
                MAX_RUNS)) {
            Instant finished = r.timeline().finishedAt();
            if (finished != null && (latest == null || finished.isAfter(latest))) {
                latest = finished;
            }
            if (r.run().status() == RunStatus.FAILED && finished != null && !finished.isBefore(failedSince)) {
                failed.put(r.run().runId(), finished);
            }
        }
        Set<String> suspects = new LinkedHashSet<>();
        active.stream().filter(id -> !held.pending().contains(id)).forEach(suspects::add);
        held.pending().stream().filter(id -> !active.contains(id)).forEach(suspects::add);
        failed.keySet().stream().filter(id -> !held.failed().containsKey(id)).forEach(suspects::add);
        held.failed().entrySet().stream().filter(e -> !e.getValue().isBefore(failedSince))
                .map(Map.Entry::getKey).filter(id -> !failed.containsKey(id)).forEach(suspects::add);
        int[] fixed = new int[4];
        int checked = 0;
        for (String runId : suspects) {
            if (checked++ == MAX_FIXES) {
                break;
            }
            fix(runId, held, failedSince, fixed);
        }
        boolean lastRunMoved = latest != null && (held.lastRunAt() == null || held.lastRunAt().isBefore(latest));
        if (lastRunMoved) {
            gauges.lastRunAtLeast(latest);
        }
        // the per-run entries are right now; an aggregate beside them (the store's counters) follows them
        gauges.settle();
        Report report = new Report(fixed[0], fixed[1], fixed[2], fixed[3], lastRunMoved,
                suspects.size() > MAX_FIXES);
        LOG.info("run gauges recounted", "corrected", report.corrected(), "more", report.more(),
                "code", "gauges_recounted");
        return report;
    }

    /** Sets one run's gauge entry to what its stored run says now (fixed: pending +/-, failed +/-). */
    private void fix(String runId, RunGauges.Contents held, Instant failedSince, int[] fixed) {
        Optional<RunRecord> stored = history.find(runId);
        boolean wasPending = held.pending().contains(runId);
        Instant failedAt = held.failed().get(runId);
        boolean wasFailed = failedAt != null && !failedAt.isBefore(failedSince);
        if (stored.isEmpty()) {
            gauges.forget(runId);
            count(wasPending, false, wasFailed, false, fixed);
            return;
        }
        SyncRun run = stored.get().run();
        Instant finished = stored.get().timeline().finishedAt();
        if (run.status() == RunStatus.QUEUED || run.status() == RunStatus.RUNNING) {
            if (!wasPending || failedAt != null) {
                gauges.queued(runId, run.updatedAt());
            }
            count(wasPending, true, wasFailed, false, fixed);
        } else if (run.status() == RunStatus.FAILED && finished != null && !finished.isBefore(failedSince)) {
            if (!wasFailed || wasPending) {
                gauges.failedAt(runId, finished);
            }
            count(wasPending, false, wasFailed, true, fixed);
        } else {
            if (wasPending || failedAt != null) {
                gauges.forget(runId);
            }
            count(wasPending, false, wasFailed, false, fixed);
        }
    }

    private static void count(boolean wasPending, boolean isPending, boolean wasFailed, boolean isFailed,
                              int[] fixed) {
        fixed[0] += !wasPending && isPending ? 1 : 0;
        fixed[1] += wasPending && !isPending ? 1 : 0;
        fixed[2] += !wasFailed && isFailed ? 1 : 0;
        fixed[3] += wasFailed && !isFailed ? 1 : 0;
    }
}
