package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.domain.DocumentTotals;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunGauge;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.testkit.fakes.InMemoryDailyTotals;
import io.sagesync.testkit.fakes.InMemoryRunGauges;
import io.sagesync.testkit.fakes.InMemorySyncRunStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Every pass-through reaches the run store unchanged, and the gauges (and the daily totals) follow exactly the
 * transitions that change what the tile counts; a gauge store that is down never fails a transition.
 */
class GaugedRunStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(30);

    private final InMemorySyncRunStore store = new InMemorySyncRunStore();
    private final InMemoryRunGauges gauges = new InMemoryRunGauges();
    private final InMemoryDailyTotals totals = new InMemoryDailyTotals();
    private final GaugedRunStore runs = new GaugedRunStore(store, store, gauges, totals);

    @Test
    void claimKey_passesThrough_andMovesNoGauge() {
        assertThat(runs.claimKey("invoice.created:1", "run-1")).isEqualTo("run-1");
        assertThat(runs.claimKey("invoice.created:1", "run-2")).isEqualTo("run-1");
        assertThat(gauges.read(T0)).isEqualTo(RunGauge.EMPTY);
    }

    @Test
    void createIfAbsent_countsANewRunAsPending_once() {
        assertThat(runs.createIfAbsent(run("run-1"))).isEmpty();
        assertThat(runs.createIfAbsent(run("run-1"))).isPresent();

        assertThat(store.find("run-1")).isPresent();
        assertThat(gauges.pending).containsOnlyKeys("run-1");
    }

    @Test
    void anExistingRun_isNotCountedAgain() {
        store.put(run("run-1"));

        assertThat(runs.createIfAbsent(run("run-1"))).isPresent();
        assertThat(gauges.pending).isEmpty();
    }

    @Test
    void findAndMarkEnqueued_passThrough() {
        runs.createIfAbsent(run("run-1"));

        runs.markEnqueued("run-1", 1);

        assertThat(runs.find("run-1").orElseThrow().enqueued()).isTrue();
        assertThat(runs.find("missing")).isEmpty();
    }

    @Test
    void requeueFailed_takesTheRunOffTheFailedCount_andBackToPending() {
        runs.createIfAbsent(run("run-1"));
        runs.start("run-1", T0);
        runs.finish("run-1", RunOutcome.failed(ErrorClass.VALIDATION, "bad", T0, T0));
        assertThat(gauges.read(T0).failed24h()).isEqualTo(1);

        assertThat(runs.requeueFailed("run-1", T1)).isPresent();

        assertThat(gauges.read(T1)).isEqualTo(new RunGauge(1, 0, T0));
        assertThat(store.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
    }

    @Test
    void requeueFailed_ofARunThatIsNotFailed_movesNothing() {
        runs.createIfAbsent(run("run-1"));
        gauges.pending.clear();

        assertThat(runs.requeueFailed("run-1", T1)).isEmpty();
        assertThat(gauges.pending).isEmpty();
    }

    @Test
    void stalledSince_passesThrough() {
        runs.createIfAbsent(run("run-1"));

        assertThat(runs.stalledSince(T1, 10)).extracting(SyncRun::runId).containsExactly("run-1");
        assertThat(runs.stalledSince(T0, 10)).isEmpty();
    }

    @Test
    void start_ofARedrivenFailedRun_countsItPendingAgain() {
        store.put(run("run-1").toBuilder().status(RunStatus.FAILED).build());
        gauges.failed.put("run-1", T0);

        assertThat(runs.start("run-1", T1)).isPresent();

        assertThat(gauges.pending).containsOnlyKeys("run-1");
        assertThat(gauges.failed).isEmpty();
    }

    @Test
    void start_ofAQueuedRun_writesNoGauge_itIsPendingAlready() {
        runs.createIfAbsent(run("run-1"));
        gauges.pending.clear(); // forget the accept's write, to see whether the start writes one

        assertThat(runs.start("run-1", T1)).hasValueSatisfying(s -> assertThat(s.reopened()).isFalse());

        assertThat(gauges.pending).isEmpty();
    }

    @Test
    void start_ofAFinishedRun_movesNothing() {
        store.put(run("run-1").toBuilder().status(RunStatus.SUCCEEDED).build());

        assertThat(runs.start("run-1", T1)).isEmpty();
        assertThat(gauges.pending).isEmpty();
    }

    @Test
    void restore_countsTheRematerialisedRunPending_onlyWhenItWasMissing() {
        SyncJob job = new SyncJob("run-9", "tenant", EventName.INVOICE_CREATED, 9, 1, 1, 1);

        assertThat(runs.restore(job, T0)).isTrue();
        gauges.pending.clear();
        assertThat(runs.restore(job, T1)).isFalse();

        assertThat(store.find("run-9")).isPresent();
        assertThat(gauges.pending).isEmpty();
    }

    @Test
    void nextEnqueueAndRecordRetry_passThrough_andLeaveTheRunPending() {
        runs.createIfAbsent(run("run-1"));
        runs.start("run-1", T0);

        assertThat(runs.nextEnqueue("run-1", null, T1)).hasValueSatisfying(
                r -> assertThat(r.enqueueCount()).isEqualTo(2));
        runs.recordRetry("run-1", ErrorClass.PROVIDER, "sage_503", T1);

        assertThat(store.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
        assertThat(gauges.read(T1)).isEqualTo(new RunGauge(1, 0, null));
    }

    @Test
    void finish_succeeded_clearsPending_setsLastRun_andRecordsTheDocumentTotals() {
        runs.createIfAbsent(run("run-1"));
        var doc = new DocumentTotals(DocumentTotals.Kind.INVOICE, LocalDate.of(2026, 11, 30), "GBP",
                new BigDecimal("12.00"), new BigDecimal("12.00"));

        runs.finish("run-1", RunOutcome.succeeded("sage-1", "SI-1", false, T0, T1).withTotals(doc));

        assertThat(gauges.read(T1)).isEqualTo(new RunGauge(0, 0, T1));
        assertThat(totals.all()).containsEntry("run-1", doc);
        assertThat(store.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void finish_withoutTotals_recordsNone() {
        runs.createIfAbsent(run("run-1"));

        runs.finish("run-1", RunOutcome.skipped("policy", T0, T1));

        assertThat(totals.all()).isEmpty();
    }

    @Test
    void finish_failed_countsFailedWithin24Hours() {
        runs.createIfAbsent(run("run-1"));

        runs.finish("run-1", RunOutcome.failed(ErrorClass.VALIDATION, "bad", T0, T1));

        assertThat(gauges.read(T1)).isEqualTo(new RunGauge(0, 1, T1));
        assertThat(gauges.read(T1.plus(Duration.ofHours(25))).failed24h()).isZero();
    }

    @Test
    void gaugeAndTotalsStoresDown_theTransitionsStillHappen() {
        gauges.unavailable = true;
        totals.unavailable = true;
        var doc = new DocumentTotals(DocumentTotals.Kind.INVOICE, LocalDate.of(2026, 11, 30), "GBP",
                BigDecimal.ONE, BigDecimal.ONE);

        runs.createIfAbsent(run("run-1"));
        runs.start("run-1", T0);
        runs.finish("run-1", RunOutcome.succeeded("sage-1", "SI-1", false, T0, T1).withTotals(doc));

        assertThat(store.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        gauges.unavailable = false;
        assertThat(gauges.pending).isEmpty();
    }

    @Test
    void withoutADailyTotalsStore_finishStillGauges() {
        var plain = new GaugedRunStore(store, store, gauges);
        plain.createIfAbsent(run("run-1"));

        plain.finish("run-1", RunOutcome.succeeded("s", "r", false, T0, T1).withTotals(new DocumentTotals(
                DocumentTotals.Kind.INVOICE, LocalDate.of(2026, 11, 30), "GBP", BigDecimal.ONE, BigDecimal.ONE)));

        assertThat(gauges.read(T1).lastRunAt()).isEqualTo(T1);
        assertThat(totals.all()).isEmpty();
    }

    private static SyncRun run(String runId) {
        return SyncRun.accepted(new SyncRun.Subject(runId, "tenant", EventName.INVOICE_CREATED, 1,
                "invoice.created:" + runId), T0);
    }
}
