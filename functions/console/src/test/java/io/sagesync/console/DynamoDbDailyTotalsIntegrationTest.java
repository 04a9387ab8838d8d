package io.sagesync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.dynamodb.DynamoDbDailyTotals;
import io.sagesync.adapter.dynamodb.DynamoDbRunHistory;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.domain.DocumentTotals;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.DailyTotals;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Per-day totals and the amounts on the run item, on moto. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbDailyTotalsIntegrationTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private final LocalAws aws;
    private final DynamoDbDailyTotals totals;

    DynamoDbDailyTotalsIntegrationTest(LocalAws aws) {
        this.aws = aws;
        this.totals = new DynamoDbDailyTotals(aws.clients().dynamoDb(), aws.tableName());
    }

    @BeforeEach
    void clean() {
        aws.reset();
    }

    @Test
    void aRunRecordedTwice_isOneEntry_andTheWindowIsInclusiveOfBothEnds() {
        var first = doc(DAY, "10.80", "10.60");
        totals.record("run-1", first);
        totals.record("run-1", first);
        totals.record("run-2", doc(DAY.minusDays(6), "5.00", null));
        totals.record("run-3", doc(DAY.minusDays(7), "7.00", "7.00"));
        totals.record("run-4", doc(DAY.plusDays(1), "9.00", "9.00"));

        assertThat(totals.between(DAY.minusDays(6), DAY)).containsExactlyInAnyOrder(
                new DailyTotals.Entry("run-1", first), new DailyTotals.Entry("run-2", doc(DAY.minusDays(6), "5.00",
                        null)));
    }

    @Test
    void nothingRecorded_readsEmpty() {
        assertThat(totals.between(DAY.minusDays(6), DAY)).isEmpty();
    }

    @Test
    void theRunItemKeepsTheAmounts_evenWhenALaterAttemptHasNone() {
        var store = new DynamoDbSyncRunStore(aws.clients().dynamoDb(), aws.tableName(), Clock.systemUTC());
        var history = new DynamoDbRunHistory(aws.clients().dynamoDb(), aws.tableName(), "t");
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        store.createIfAbsent(SyncRun.accepted(new SyncRun.Subject("run-1", "t", EventName.INVOICE_CREATED, 1,
                "invoice.created:1"), now));
        var doc = doc(DAY, "10.80", "10.60");

        store.finish("run-1", RunOutcome.reconciliationFailed("sage-1", "SI-1", "differs", java.util.List.of(),
                now, now).withTotals(doc));
        assertThat(history.find("run-1").orElseThrow().totals()).isEqualTo(doc);

        store.finish("run-1", RunOutcome.succeeded("sage-1", "SI-1", false, now, now.plusSeconds(5)));
        assertThat(history.find("run-1").orElseThrow().totals()).isEqualTo(doc);
    }

    private static DocumentTotals doc(LocalDate date, String magento, String sage) {
        return new DocumentTotals(DocumentTotals.Kind.INVOICE, date, "GBP", new BigDecimal(magento),
                sage == null ? null : new BigDecimal(sage));
    }

    @Test
    void aBusyDay_costsOneSmallItemPerDocument() {
        for (int i = 0; i < 200; i++) {
            totals.record("run-" + i, doc(DAY, "10.00", "10.00"));
        }

        assertThat(totals.between(DAY, DAY)).hasSize(200);
        var items = aws.clients().dynamoDb().query(q -> q.tableName(aws.tableName())
                .keyConditionExpression("pk = :pk").expressionAttributeValues(java.util.Map.of(":pk",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("RECON")))).items();
        // one item per document, each far below a kilobyte: a day's size never reaches DynamoDB's 400 KB item limit
        assertThat(items).hasSize(200).allSatisfy(item -> assertThat(item.toString().length()).isLessThan(400));
    }
}
