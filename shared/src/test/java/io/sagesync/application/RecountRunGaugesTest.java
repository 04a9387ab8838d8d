package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunGauge;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.SyncRun;
import io.sagesync.testkit.fakes.InMemoryRunGauges;
import io.sagesync.testkit.fakes.InMemoryRunHistory;
import io.sagesync.testkit.fakes.InMemorySyncRunStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The gauges rebuilt from the runs: every kind of drift is corrected, correct gauges are left alone. */
class RecountRunGaugesTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final InMemorySyncRunStore store = new InMemorySyncRunStore();
    private final InMemoryRunGauges gauges = new InMemoryRunGauges();
    private final RecountRunGauges recount = new RecountRunGauges(store, new InMemoryRunHistory(store), gauges,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void gaugesThatMissedTransitions_areRebuiltFromTheRuns() {
        queued("pending-1", NOW.minusSeconds(600));
        queued("pending-2", NOW.minusSeconds(300));
        failed("failed-recent", NOW.minus(Duration.ofHours(2)));
        succeeded("done", NOW.minusSeconds(60));
        // the gauge writes after the run writes were lost: the item is empty

        RecountRunGauges.Report report = recount.recount();

        assertThat(report).isEqualTo(new RecountRunGauges.Report(2, 0, 1, 0, true, false));
        assertThat(gauges.read(NOW)).isEqualTo(new RunGauge(2, 1, NOW.minusSeconds(60)));
        assertThat(gauges.settled).as("the store's counters follow the repaired entries").isEqualTo(1);
    }

    @Test
    void gaugesCountingRunsThatMovedOn_orDoNotExist_areCleared() {
        succeeded("finished-but-pending", NOW.minusSeconds(120));
        gauges.pending.put("finished-but-pending", NOW.minusSeconds(500));
        gauges.pending.put("ghost", NOW.minusSeconds(500));
        queued("retried-but-failed", NOW.minusSeconds(30));
        gauges.failed.put("retried-but-failed", NOW.minusSeconds(900));
        gauges.lastRunAt = NOW.minusSeconds(120);

        RecountRunGauges.Report report = recount.recount();

        assertThat(report).isEqualTo(new RecountRunGauges.Report(1, 2, 0, 1, false, false));
        assertThat(gauges.pending).containsOnlyKeys("retried-but-failed");
        assertThat(gauges.failed).isEmpty();
        assertThat(gauges.read(NOW)).isEqualTo(new RunGauge(1, 0, NOW.minusSeconds(120)));
    }

    @Test
    void aFailedRunStillCountedPending_becomesFailed() {
        failed("failed-1", NOW.minusSeconds(100));
        gauges.pending.put("failed-1", NOW.minusSeconds(200));

        RecountRunGauges.Report report = recount.recount();

        assertThat(report.pendingRemoved()).isEqualTo(1);
        assertThat(report.failedAdded()).isEqualTo(1);
        assertThat(gauges.failed).containsEntry("failed-1", NOW.minusSeconds(100));
        assertThat(gauges.pending).isEmpty();
    }

    @Test
    void correctGauges_areLeftAlone_andALaterLastRunIsNotMovedBack() {
        queued("pending-1", NOW.minusSeconds(600));
        failed("failed-1", NOW.minusSeconds(100));
        gauges.pending.put("pending-1", NOW.minusSeconds(600));
        gauges.failed.put("failed-1", NOW.minusSeconds(100));
        gauges.lastRunAt = NOW.minusSeconds(5);

        RecountRunGauges.Report report = recount.recount();

        assertThat(report).isEqualTo(new RecountRunGauges.Report(0, 0, 0, 0, false, false));
        assertThat(gauges.lastRunAt).isEqualTo(NOW.minusSeconds(5));
        assertThat(recount.current()).isEqualTo(new RunGauge(1, 1, NOW.minusSeconds(5)));
    }

    @Test
    void failuresOlderThan24Hours_areNotCounted() {
        failed("failed-old", NOW.minus(Duration.ofHours(30)));

        RecountRunGauges.Report report = recount.recount();

        assertThat(report.failedAdded()).isZero();
        assertThat(gauges.read(NOW).failed24h()).isZero();
    }

    private void queued(String runId, Instant at) {
        store.createIfAbsent(SyncRun.accepted(subject(runId), at));
    }

    private void failed(String runId, Instant at) {
        store.createIfAbsent(SyncRun.accepted(subject(runId), at.minusSeconds(10)));
        store.start(runId, at.minusSeconds(5));
        store.finish(runId, RunOutcome.failed(ErrorClass.VALIDATION, "bad", at.minusSeconds(5), at));
    }

    private void succeeded(String runId, Instant at) {
        store.createIfAbsent(SyncRun.accepted(subject(runId), at.minusSeconds(10)));
        store.start(runId, at.minusSeconds(5));
        store.finish(runId, RunOutcome.succeeded("sage-" + runId, "SI", false, at.minusSeconds(5), at));
    }

    private static SyncRun.Subject subject(String runId) {
        return new SyncRun.Subject(runId, "tenant", EventName.INVOICE_CREATED, 1, "invoice.created:" + runId);
    }
}
