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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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

    @Test
    void aLargeBacklog_keepsTheCounterItemSmall_andEveryTransitionCheap() {
        for (int i = 0; i < 300; i++) {
            gauges.queued("run-" + i, T0);
        }
        for (int i = 0; i < 100; i++) {
            gauges.finished("run-" + i, i % 10 == 0 ? RunStatus.FAILED : RunStatus.SUCCEEDED, T0.plusSeconds(i));
        }

        assertThat(gauges.read(T0.plusSeconds(100))).isEqualTo(new RunGauge(200, 10, T0.plusSeconds(99)));
        // the earlier design grew this item by one attribute per pending run (400 KB limit near 7,000 runs)
        assertThat(counterItem()).hasSizeLessThan(8);
    }

    @Test
    void aCounterLeftBehindByACrash_isSettledFromTheMembers() {
        gauges.queued("a", T0);
        gauges.queued("b", T0);
        gauges.finished("b", RunStatus.FAILED, T0.plusSeconds(1));
        // a process died between a member write and its counter ADD: the counters say 5 pending, 3 failed
        aws.clients().dynamoDb().updateItem(b -> b.tableName(aws.tableName()).key(counterKey())
                .updateExpression("SET #p = :five, #b = :three")
                .expressionAttributeNames(Map.of("#p", "pending", "#b", "fh_2026113010"))
                .expressionAttributeValues(Map.of(":five", AttributeValue.fromN("5"),
                        ":three", AttributeValue.fromN("3"))));
        assertThat(gauges.read(T0.plusSeconds(2))).extracting(RunGauge::pendingCount, RunGauge::failed24h)
                .containsExactly(5, 3);

        gauges.settle();

        assertThat(gauges.read(T0.plusSeconds(2))).isEqualTo(new RunGauge(1, 1, T0.plusSeconds(1)));
    }

    @Test
    void aFailedMember_expiresADayAfterItStopsCounting_aPendingOneNever() {
        gauges.queued("p", T0);
        gauges.queued("f", T0);
        gauges.finished("f", RunStatus.FAILED, T0);

        assertThat(member("f").get("expires_at").n()).isEqualTo(Long.toString(T0.plus(Duration.ofHours(48))
                .getEpochSecond()));
        assertThat(member("p")).doesNotContainKey("expires_at");
        gauges.queued("f", T0.plusSeconds(5));
        assertThat(member("f")).doesNotContainKey("expires_at");
    }

    private Map<String, AttributeValue> counterItem() {
        return aws.clients().dynamoDb().getItem(b -> b.tableName(aws.tableName()).key(counterKey())
                .consistentRead(true)).item();
    }

    private Map<String, AttributeValue> member(String runId) {
        return aws.clients().dynamoDb().getItem(b -> b.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("GAUGE"), "sk", AttributeValue.fromS("M#" + runId)))).item();
    }

    private static Map<String, AttributeValue> counterKey() {
        return Map.of("pk", AttributeValue.fromS("STATS"), "sk", AttributeValue.fromS("RUNS"));
    }
}
