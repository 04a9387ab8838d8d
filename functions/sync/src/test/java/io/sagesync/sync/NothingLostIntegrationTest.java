package io.sagesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.sqs.SqsRetryScheduler;
import io.sagesync.adapter.sqs.SyncJobJson;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 9 on the real emulators: a job whose run was lost is re-materialised, a run whose job was lost is swept, and
 * a retry forwarded twice reaches the FIFO queue twice (fresh stored counts, so SQS de-duplication swallows none).
 */
@ExtendWith(LocalAwsExtension.class)
class NothingLostIntegrationTest {
    private static final String TENANT = "tenant-nothing-lost";
    private static final String API_KEY = "k3y-for-nothing-lost-tests-0123456789abcdef";

    private final LocalAws aws;
    private SyncPipeline pipeline;

    NothingLostIntegrationTest(LocalAws aws) {
        this.aws = aws;
    }

    @BeforeEach
    void start() {
        pipeline = new SyncPipeline(aws, TENANT, API_KEY, 3);
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    @Test
    void aJobWhoseRunItemIsGone_reMaterialisesTheRun_syncsOnce_andPushesAChip() {
        pipeline.magento.putInvoice(70, CanonicalInvoices.gbpRegistered(70));
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 70);
        aws.adminClients().dynamoDb().deleteItem(b -> b.tableName(aws.tableName()).key(Map.of(
                "pk", AttributeValue.fromS("RUN#" + runId), "sk", AttributeValue.fromS("RUN"))));

        pipeline.drainAll();

        SyncRun run = pipeline.runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(pipeline.sage.invoices()).hasSize(1);
        assertThat(pipeline.pushStatuses()).containsExactly("synced");
        assertThat(pipeline.item("IDEM#invoice.created:70", "IDEM")).containsEntry("run_id",
                AttributeValue.fromS(runId));
    }

    @Test
    void aRunWhoseJobNeverReachedTheQueue_isSweptAfterTheBound_andSynced_whileFinishedRunsAreNot() {
        pipeline.magento.putInvoice(71, CanonicalInvoices.gbpRegistered(71));
        pipeline.magento.putInvoice(72, CanonicalInvoices.gbpRegistered(72));
        String done = pipeline.queueRun(EventName.INVOICE_CREATED, 72);
        pipeline.drainAll();
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        var pastStore = new DynamoDbSyncRunStore(aws.adminClients().dynamoDb(), aws.tableName(),
                Clock.fixed(hourAgo, ZoneOffset.UTC));
        pastStore.claimKey("invoice.created:71", "stalled-71");
        pastStore.createIfAbsent(SyncRun.accepted(new SyncRun.Subject("stalled-71", TENANT,
                EventName.INVOICE_CREATED, 71, "invoice.created:71"), hourAgo));

        var sweeper = new SweepHandler(SweepComposition.of(aws.config(TENANT), aws.clients(), Clock.systemUTC(),
                Duration.ofMinutes(30)).sweepStalledRuns());
        assertThat(sweeper.handleRequest(Map.of(), null)).containsEntry("re_enqueued", 1);
        pipeline.drainAll();

        assertThat(pipeline.runs.find("stalled-71").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(pipeline.runs.find(done).orElseThrow().enqueueCount()).isEqualTo(1);
        assertThat(pipeline.sage.invoices()).hasSize(2);
        assertThat(sweeper.handleRequest(Map.of(), null)).containsEntry("re_enqueued", 0);
    }

    @Test
    void aRetryForwardedTwiceWithinFiveMinutes_reachesTheFifoQueueTwice() {
        pipeline.magento.putInvoice(73, CanonicalInvoices.gbpRegistered(73));
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 73);
        pipeline.receiveAll("SyncQueue").forEach(m -> aws.adminClients().sqs().deleteMessage(b -> b
                .queueUrl(aws.queueUrl("SyncQueue")).receiptHandle(m.receiptHandle())));
        SyncJob job = new SyncJob(runId, TENANT, EventName.INVOICE_CREATED, 73, 1, 1, 1, "invoice.created:73");
        var retryQueue = new SqsRetryScheduler(aws.adminClients().sqs(), aws.queueUrl("RetryQueue"),
                aws.queueUrl("SyncDeadLetterQueue"));
        retryQueue.retryLater(job, Duration.ZERO);
        retryQueue.retryLater(job, Duration.ZERO);

        pipeline.processOnce("RetryQueue");

        assertThat(pipeline.receiveAll("SyncQueue")).extracting(m -> SyncJobJson.read(m.body()).enqueueCount())
                .containsExactlyInAnyOrder(2, 3);
        assertThat(pipeline.runs.find(runId).orElseThrow().enqueueCount()).isEqualTo(3);
    }
}
