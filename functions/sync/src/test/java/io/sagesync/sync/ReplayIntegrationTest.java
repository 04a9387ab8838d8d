package io.sagesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.dynamodb.DynamoDbReplayableRuns;
import io.sagesync.adapter.sqs.SqsSyncQueue;
import io.sagesync.application.ProcessSyncJob;
import io.sagesync.application.ReplaySkippedRuns;
import io.sagesync.domain.EventName;
import io.sagesync.domain.ReplayFilter;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;
import io.sagesync.simulator.magento.CanonicalContacts;
import io.sagesync.simulator.magento.CanonicalCreditMemos;
import io.sagesync.simulator.magento.CanonicalProducts;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's replay on ElasticMQ + moto + both simulators: 50 credit memos recorded as
 * {@code event_not_supported} before refunds existed become 50 credit notes, and a skipped customer save and product
 * save reach Sage as they are now; replaying again changes nothing.
 */
@ExtendWith(LocalAwsExtension.class)
class ReplayIntegrationTest {
    private static final String TENANT = "tenant-replay-it";
    private static final String API_KEY = "k3y-for-replay-integration-tests-0123456789abcdef";
    private static final int MEMOS = 50;

    private final LocalAws aws;
    private SyncPipeline pipeline;
    private ReplaySkippedRuns replay;

    ReplayIntegrationTest(LocalAws aws) {
        this.aws = aws;
    }

    @BeforeEach
    void start() {
        pipeline = new SyncPipeline(aws, TENANT, API_KEY, 3);
        replay = new ReplaySkippedRuns(TENANT, new DynamoDbReplayableRuns(aws.adminClients().dynamoDb(),
                aws.tableName()), pipeline.runs, new SqsSyncQueue(aws.adminClients().sqs(),
                aws.queueUrl("SyncQueue")), ProcessSyncJob.SUPPORTED_EVENTS, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    @Test
    void fiftySkippedMemos_becomeFiftyCreditNotes_skippedCustomerAndProductSaves_reachSage_andReplayingAgainPostsNothing() {
        pipeline.magento.putInvoice(42, CanonicalInvoices.builder(42).paymentMethod("checkmo").build());
        pipeline.queueRun(EventName.INVOICE_CREATED, 42);
        pipeline.drainAll();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < MEMOS; i++) {
            long memoId = 100 + i;
            pipeline.magento.putCreditMemo(memoId, CanonicalCreditMemos.builder(memoId)
                    .lines(List.of(CanonicalInvoices.line("GIFTWRAP", "Gift wrap", "1.0", "1.0", "0.2", "0.0",
                            "virtual"))).shipping("0.0", "0.0").build()); // 1.20 each
            skipped.add(skippedRun(EventName.CREDITMEMO_CREATED, memoId));
        }
        String customerRun = skippedRun(EventName.CUSTOMER_UPSERTED, 5);
        String productRun = skippedRun(EventName.PRODUCT_UPSERTED, 301);
        // since skipped: Jane moved to Leeds, and the merchant turned product sync on
        CanonicalContacts.Address leeds = new CanonicalContacts.Address("billing", List.of("9 New Road"), "Leeds",
                null, "LS1 1AA", "GB", null);
        pipeline.magento.putCustomer(5, new CanonicalContacts.Contact(5, "jane@example.co.uk", "Jane", "Smith", null,
                null, 1, 1, List.of(leeds, leeds.as("shipping")), null, null).toJson());
        pipeline.magento.putProduct(301, CanonicalProducts.joustDuffleBag(301).toJson());
        pipeline.savePolicy("{\"sync_products\":true,\"default_purchase_ledger_account_id\":\""
                + pipeline.sage.ledgerAccountId("5000") + "\"}");

        ReplaySkippedRuns.Report count = replay.dryRun(ReplayFilter.unsupportedEvents());
        assertThat(count.matched()).isEqualTo(MEMOS + 2);
        assertThat(count.unsupported()).as("customers and products are supported now").isZero();
        assertThat(count.replayable()).isEqualTo(MEMOS + 2);
        assertThat(pipeline.sage.creditNotes()).as("a dry run changes nothing").isEmpty();

        List<ReplaySkippedRuns.Progress> progress = new ArrayList<>();
        ReplaySkippedRuns.Report first = replay.replay(ReplayFilter.unsupportedEvents(), progress::add);
        pipeline.drainAll();

        assertThat(first.replayed()).isEqualTo(MEMOS + 2);
        assertThat(progress).hasSize(MEMOS + 2).last()
                .isEqualTo(new ReplaySkippedRuns.Progress(MEMOS + 2, MEMOS + 2));
        assertThat(pipeline.sage.creditNotes()).hasSize(MEMOS);
        assertThat(pipeline.sage.invoices().get(0).path("outstanding_amount").decimalValue())
                .isEqualByComparingTo("66.00"); // 126.00 − 50 × 1.20
        for (String runId : skipped) {
            assertThat(pipeline.runs.find(runId + "-replay").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        }
        assertThat(pipeline.runs.find(customerRun + "-replay").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(pipeline.sage.contacts()).singleElement().satisfies(c ->
                assertThat(c.path("main_address").path("city").asText()).isEqualTo("Leeds"));
        assertThat(pipeline.runs.find(productRun + "-replay").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(pipeline.sage.catalog("products")).singleElement().satisfies(p ->
                assertThat(p.path("item_code").asText()).isEqualTo("24-MB01"));

        ReplaySkippedRuns.Report again = replay.replay(ReplayFilter.unsupportedEvents(), p -> { });
        pipeline.drainAll();

        assertThat(again.replayed()).isZero();
        assertThat(again.matched()).as("every skipped run was replayed").isZero();
        assertThat(pipeline.sage.creditNotes()).hasSize(MEMOS);
        assertThat(pipeline.sage.requestCount("POST", "/sales_credit_notes")).isEqualTo(MEMOS);
        assertThat(pipeline.sage.requestCount("POST", "/products")).isEqualTo(1);
        assertThat(pipeline.sage.requestCount("PUT", "/contacts")).isEqualTo(1);
        pipeline.assertClean();
    }

    @Test
    void filters_narrowTheReplay_byEventAndDateRange() {
        skippedRun(EventName.CREDITMEMO_CREATED, 7);
        Instant later = Instant.now().plusSeconds(3600);

        assertThat(replay.dryRun(new ReplayFilter(Set.of(EventName.CREDITMEMO_CREATED), RunStatus.SKIPPED,
                ReplayFilter.EVENT_NOT_SUPPORTED, null, null)).replayable()).isEqualTo(1);
        assertThat(replay.dryRun(new ReplayFilter(Set.of(EventName.CUSTOMER_UPSERTED), RunStatus.SKIPPED, null,
                null, null)).matched()).isZero();
        assertThat(replay.dryRun(new ReplayFilter(Set.of(), RunStatus.SKIPPED, null, later, null)).matched())
                .isZero();
        assertThat(replay.dryRun(new ReplayFilter(Set.of(), RunStatus.FAILED, null, null, null)).matched())
                .isZero();
    }

    /** A run as the worker recorded it before refunds existed: skipped, event_not_supported. */
    private String skippedRun(EventName event, long entityId) {
        String runId = "run-" + event.wireName() + "-" + entityId;
        Instant at = Instant.now();
        pipeline.runs.createIfAbsent(SyncRun.accepted(new SyncRun.Subject(runId, TENANT, event, entityId,
                event.wireName() + ":" + entityId), at));
        pipeline.runs.finish(runId, RunOutcome.skipped(ReplayFilter.EVENT_NOT_SUPPORTED, at, at));
        return runId;
    }
}
