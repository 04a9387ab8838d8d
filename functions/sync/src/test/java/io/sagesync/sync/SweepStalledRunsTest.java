package io.sagesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.application.SweepStalledRuns;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.testkit.fakes.InMemorySyncQueue;
import io.sagesync.testkit.fakes.InMemorySyncRunStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The sweeper on in-memory fakes of our ports: which runs count as stalled, and what a re-enqueue stores. */
class SweepStalledRunsTest {
    private static final Instant NOW = Instant.parse("2026-05-03T10:00:00Z");

    private final InMemorySyncRunStore runs = new InMemorySyncRunStore();
    private final InMemorySyncQueue queue = new InMemorySyncQueue();
    private final SweepStalledRuns sweep = new SweepStalledRuns("t1", runs, runs, queue,
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(30), 100);

    @Test
    void queuedOrRunningRunsQuietForLongerThanTheBound_getAFreshStoredJob_othersAreLeftAlone() {
        put("stuck-queued", RunStatus.QUEUED, 42, NOW.minus(Duration.ofMinutes(45)));
        put("stuck-running", RunStatus.RUNNING, 43, NOW.minus(Duration.ofHours(3)));
        put("recent", RunStatus.QUEUED, 44, NOW.minus(Duration.ofMinutes(10)));
        put("done", RunStatus.SUCCEEDED, 45, NOW.minus(Duration.ofDays(2)));
        put("failed", RunStatus.FAILED, 46, NOW.minus(Duration.ofDays(2)));

        assertThat(sweep.sweep()).isEqualTo(2);

        assertThat(queue.jobs()).extracting(SyncJob::runId).containsExactly("stuck-running", "stuck-queued");
        assertThat(queue.jobs()).allSatisfy(job -> assertThat(job.enqueueCount()).isEqualTo(2));
        assertThat(queue.jobs().get(1).idempotencyKey()).isEqualTo("invoice.created:42");
        SyncRun swept = runs.find("stuck-queued").orElseThrow();
        assertThat(swept.enqueueCount()).isEqualTo(2);
        assertThat(swept.enqueued()).isTrue();
        assertThat(swept.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aSweptRun_isNotSweptAgainUntilItHasBeenQuietForAnotherBound() {
        put("stuck", RunStatus.QUEUED, 42, NOW.minus(Duration.ofMinutes(45)));

        sweep.sweep();
        sweep.sweep();

        assertThat(queue.jobs()).hasSize(1);
    }

    private void put(String runId, RunStatus status, long id, Instant updatedAt) {
        runs.put(SyncRun.builder(new SyncRun.Subject(runId, "t1", EventName.INVOICE_CREATED, id,
                "invoice.created:" + id), updatedAt).status(status).attempts(1).enqueued(true).build());
    }
}
