package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStart;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.InfrastructureException;
import io.sagesync.testkit.fakes.InMemorySyncRunStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run started ahead is the job's start: one store start, the same answer, its failure on the job's thread. */
class BatchRunStartsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final InMemorySyncRunStore store = new InMemorySyncRunStore();
    private final AtomicInteger starts = new AtomicInteger();
    private volatile boolean failStarts;
    private final ExecutorService pool = SyncBatch.Pipeline.threads("test-ahead", 2);
    private final BatchRunStarts runs = new BatchRunStarts(new CountingRuns(), pool, Clock.fixed(NOW,
            ZoneOffset.UTC));

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aRunStartedAhead_isTheJobsStart() {
        queued("run-1");

        runs.startAhead("run-1");
        Optional<RunStart> start = runs.start("run-1", NOW.plusSeconds(1));

        assertThat(start).isPresent();
        assertThat(start.get().attemptInCycle()).isEqualTo(1);
        assertThat(starts.get()).isEqualTo(1);
        assertThat(store.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void aFinishedRunStartedAhead_answersEmpty_asADirectStartWould() {
        runs.startAhead("missing");

        assertThat(runs.start("missing", NOW)).isEmpty();
    }

    @Test
    void aStartThatFailedAhead_failsTheJob_withTheStoresException() {
        queued("run-1");
        failStarts = true;

        runs.startAhead("run-1");

        assertThatThrownBy(() -> runs.start("run-1", NOW)).isInstanceOf(InfrastructureException.class);
    }

    @Test
    void withoutAStartAhead_theJobStartsItsRunItself() {
        queued("run-1");

        assertThat(runs.start("run-1", NOW)).isPresent();
        assertThat(starts.get()).isEqualTo(1);
    }

    @Test
    void anUnusedStart_landsBeforeForgetReturns_andTheRedeliveryContinuesTheCycle() {
        queued("run-1");
        runs.startAhead("run-1");

        runs.forget();

        assertThat(store.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        Optional<RunStart> redelivered = runs.start("run-1", NOW.plusSeconds(60));
        assertThat(redelivered).isPresent();
        assertThat(redelivered.get().attemptInCycle()).isEqualTo(2); // as after a crashed attempt
        assertThat(starts.get()).isEqualTo(2);
    }

    private void queued(String runId) {
        store.put(SyncRun.builder(new SyncRun.Subject(runId, "t1", EventName.INVOICE_CREATED, 1,
                "invoice.created:1"), NOW).enqueued(true).build());
    }

    /** The in-memory store, counting starts and failing them while {@code failStarts} is set. */
    private final class CountingRuns extends ForwardingRunLifecycle {
        CountingRuns() {
            super(store);
        }

        @Override
        public Optional<RunStart> start(String runId, Instant now) {
            starts.incrementAndGet();
            if (failStarts) {
                throw new InfrastructureException("run store unavailable");
            }
            return super.start(runId, now);
        }
    }
}
