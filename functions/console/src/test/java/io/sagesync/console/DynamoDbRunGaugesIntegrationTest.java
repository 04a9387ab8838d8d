package io.sagesync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.dynamodb.DynamoDbRunGauges;
import io.sagesync.domain.RunGauge;
import io.sagesync.domain.RunStatus;
import io.sagesync.port.RunGauges;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tile's gauges on moto: each transition counts once however often it is recorded. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbRunGaugesIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private final LocalAws aws;
    private final DynamoDbRunGauges gauges;

    DynamoDbRunGaugesIntegrationTest(LocalAws aws) {
        this.aws = aws;
        this.gauges = new DynamoDbRunGauges(aws.clients().dynamoDb(), aws.tableName());
    }

    @BeforeEach
    void clean() {
        aws.reset();
    }

    @Test
    void noRunsYet_readsAsEmpty() {
        assertThat(gauges.read(T0)).isEqualTo(RunGauge.EMPTY);
    }

    @Test
    void transitionsRecordedTwice_countOnce() {
        gauges.queued("a", T0);
        gauges.queued("a", T0);
        gauges.queued("b", T0);
        assertThat(gauges.read(T0).pendingCount()).isEqualTo(2);

        gauges.finished("a", RunStatus.FAILED, T0.plusSeconds(5));
        gauges.finished("a", RunStatus.FAILED, T0.plusSeconds(5));

        assertThat(gauges.read(T0.plusSeconds(6))).isEqualTo(new RunGauge(1, 1, T0.plusSeconds(5)));
    }

    @Test
    void aRetriedFailure_leavesTheFailedCount_andASuccessEndsPending() {
        gauges.queued("a", T0);
        gauges.finished("a", RunStatus.FAILED, T0.plusSeconds(1));
        gauges.queued("a", T0.plusSeconds(60));
        assertThat(gauges.read(T0.plusSeconds(61))).extracting(RunGauge::pendingCount, RunGauge::failed24h)
                .containsExactly(1, 0);

        gauges.finished("a", RunStatus.SUCCEEDED, T0.plusSeconds(62));

        assertThat(gauges.read(T0.plusSeconds(63))).isEqualTo(new RunGauge(0, 0, T0.plusSeconds(62)));
    }

    @Test
    void failuresOlderThan24Hours_stopCounting() {
        gauges.queued("old", T0);
        gauges.finished("old", RunStatus.FAILED, T0);
        gauges.queued("new", T0.plus(Duration.ofHours(20)));
        gauges.finished("new", RunStatus.FAILED, T0.plus(Duration.ofHours(20)));

        assertThat(gauges.read(T0.plus(Duration.ofHours(25))).failed24h()).isEqualTo(1);
    }

    @Test
    void skippedRuns_areNeitherPendingNorFailed() {
        gauges.queued("s", T0);
        gauges.finished("s", RunStatus.SKIPPED, T0.plusSeconds(1));
        assertThat(gauges.read(T0.plusSeconds(2))).isEqualTo(new RunGauge(0, 0, T0.plusSeconds(1)));
    }

    @Test
    void repairWrites_setOneRunsEntry_andNeverMoveLastRunBack() {
        gauges.queued("p", T0);
        gauges.queued("f", T0);
        gauges.finished("done", RunStatus.SUCCEEDED, T0.plusSeconds(10));

        gauges.failedAt("f", T0.plusSeconds(3));
        gauges.forget("p");
        gauges.forget("never-there");
        gauges.lastRunAtLeast(T0.plusSeconds(5));
        assertThat(gauges.contents()).isEqualTo(new RunGauges.Contents(Set.of(), Map.of("f", T0.plusSeconds(3)),
                T0.plusSeconds(10)));

        gauges.lastRunAtLeast(T0.plusSeconds(20));
        assertThat(gauges.read(T0.plusSeconds(21))).isEqualTo(new RunGauge(0, 1, T0.plusSeconds(20)));
    }

    @Test
    void contentsOfAnEmptyStore_isEmpty_andLastRunCanBeSetFirst() {
        assertThat(gauges.contents()).isEqualTo(new RunGauges.Contents(Set.of(), Map.of(), null));
        gauges.lastRunAtLeast(T0);
        assertThat(gauges.contents().lastRunAt()).isEqualTo(T0);
    }
}
