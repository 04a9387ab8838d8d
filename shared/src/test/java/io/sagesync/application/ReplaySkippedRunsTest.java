package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.application.ReplaySkippedRuns.RunResult;
import io.sagesync.domain.EventName;
import io.sagesync.domain.ReplayFilter;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.ReplayableRuns;
import io.sagesync.testkit.fakes.InMemorySyncQueue;
import io.sagesync.testkit.fakes.InMemorySyncRunStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Replaying one run from the console: only skipped runs of supported events, once however often pressed. */
class ReplaySkippedRunsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final InMemorySyncRunStore runs = new InMemorySyncRunStore();
    private final InMemorySyncQueue queue = new InMemorySyncQueue();
    private final MarkedRuns replayable = new MarkedRuns();
    private final ReplaySkippedRuns replay = new ReplaySkippedRuns("tenant", replayable, runs, queue,
            Set.of(EventName.INVOICE_CREATED), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSkippedRun_getsOneFreshRun_queued_andIsMarkedReplayed() {
        runs.put(run("run-1", EventName.INVOICE_CREATED, RunStatus.SKIPPED));

        ReplaySkippedRuns.RunReplay result = replay.replayRun("run-1");

        assertThat(result).isEqualTo(new ReplaySkippedRuns.RunReplay(RunResult.REPLAYED, "run-1-replay"));
        SyncRun fresh = runs.find("run-1-replay").orElseThrow();
        assertThat(fresh.idempotencyKey()).isEqualTo("replay:invoice.created:run-1");
        assertThat(fresh.magentoEntityId()).isEqualTo(7);
        assertThat(fresh.enqueued()).isTrue();
        assertThat(queue.jobs()).singleElement().satisfies(j -> {
            assertThat(j.runId()).isEqualTo("run-1-replay");
            assertThat(j.event()).isEqualTo(EventName.INVOICE_CREATED);
        });
        assertThat(replayable.marked).containsEntry("run-1", "run-1-replay");
    }

    @Test
    void pressedTwice_findsTheSameReplayRun() {
        runs.put(run("run-1", EventName.INVOICE_CREATED, RunStatus.SKIPPED));

        replay.replayRun("run-1");
        var second = replay.replayRun("run-1");

        assertThat(second.replayRunId()).isEqualTo("run-1-replay");
        assertThat(runs.all()).containsOnlyKeys("run-1", "run-1-replay");
    }

    @Test
    void onlySkippedRunsOfSupportedEvents_areReplayed() {
        runs.put(run("failed", EventName.INVOICE_CREATED, RunStatus.FAILED));
        runs.put(run("product", EventName.PRODUCT_UPSERTED, RunStatus.SKIPPED));

        assertThat(replay.replayRun("failed").result()).isEqualTo(RunResult.NOT_SKIPPED);
        assertThat(replay.replayRun("product").result()).isEqualTo(RunResult.UNSUPPORTED);
        assertThat(replay.replayRun("missing").result()).isEqualTo(RunResult.NOT_FOUND);
        assertThat(queue.jobs()).isEmpty();
        assertThat(replayable.marked).isEmpty();
        assertThat(replay.supports(EventName.INVOICE_CREATED)).isTrue();
        assertThat(replay.supports(EventName.PRODUCT_UPSERTED)).isFalse();
    }

    private static SyncRun run(String runId, EventName event, RunStatus status) {
        return SyncRun.accepted(new SyncRun.Subject(runId, "tenant", event, 7, event.wireName() + ":" + runId),
                NOW.minusSeconds(3600)).toBuilder().status(status).build();
    }

    /** Only the marks matter here: {@code find} is the admin's filtered scan, not used by one-run replay. */
    private static final class MarkedRuns implements ReplayableRuns {
        final Map<String, String> marked = new HashMap<>();

        @Override
        public List<SyncRun> find(ReplayFilter filter) {
            throw new AssertionError("replaying one run must not search the runs");
        }

        @Override
        public boolean markReplayed(String runId, String replayRunId) {
            return marked.putIfAbsent(runId, replayRunId) == null;
        }
    }
}
