package io.sagesync.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.sqs.SqsPushQueue;
import io.sagesync.domain.BindingState;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.EventName;
import io.sagesync.domain.Outcomes;
import io.sagesync.domain.PushJob;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.Xref;
import io.sagesync.simulator.magento.MagentoSimulator;
import io.sagesync.simulator.magento.SyncStateRow;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The push function end to end: ElasticMQ (push queue + DLQ), moto (runs, binding, push log, tenant secret) and the
 * Magento simulator, which verifies every inbound JWT exactly as the module does and keeps the mirror table.
 */
@ExtendWith(LocalAwsExtension.class)
class SyncStatePushIntegrationTest {
    static final String TENANT = "11111111-2222-4333-8444-555555555555";
    static final String API_KEY = "test-master-api-key-0123456789abcdef";
    static final Instant DECIDED = Instant.parse("2026-04-30T10:12:03.456Z");

    private static final MagentoSimulator MAGENTO = MagentoSimulator.builder().tenantId(TENANT).apiKey(API_KEY)
            .start();

    private final LocalAws aws;
    private final SyncStatePushHandler handler;
    private final PushQueueDriver pushQueue;
    private final SqsPushQueue producer;
    private final DynamoDbSyncRunStore runs;

    SyncStatePushIntegrationTest(LocalAws aws) {
        this.aws = aws;
        this.handler = new SyncStatePushHandler(PushComposition.of(aws.config(TENANT), aws.clients(),
                Clock.systemUTC(), MAGENTO.baseUrl()));
        this.pushQueue = new PushQueueDriver(aws, "PushQueue");
        this.producer = new SqsPushQueue(aws.adminClients().sqs(), aws.queueUrl("PushQueue"));
        this.runs = new DynamoDbSyncRunStore(aws.adminClients().dynamoDb(), aws.tableName(), Clock.systemUTC());
    }

    @BeforeEach
    void cleanSlate() {
        aws.reset();
        aws.putTenantApiKey(API_KEY);
        MAGENTO.forceUnauthorized(false);
    }

    @AfterEach
    void everyRequestPassedMagentosJwtChecks() {
        // jti reuse, nbf in the future, exp - iat > 300, wrong aud, bad signature: none may ever happen
        assertThat(MAGENTO.rejections()).isEmpty();
    }

    @AfterAll
    static void stopMagento() {
        MAGENTO.close();
    }

    @Test
    void syncedInvoice_flipsTheMirrorRowToSynced_andTheRunRecordsDelivery() {
        String runId = run(EventName.INVOICE_CREATED, 42, RunStatus.SUCCEEDED);
        producer.enqueue(synced(runId, EventName.INVOICE_CREATED, 42, "df6b646cf16", "SI-27", DECIDED));

        assertThat(pushQueue.invoke(handler).getBatchItemFailures()).isEmpty();

        assertThat(MAGENTO.syncState("invoice", 42)).contains(new SyncStateRow("invoice", 42, "sage_accounting",
                "synced", "df6b646cf16", "SI-27", null, null, "2026-04-30 10:12:03"));
        assertThat(runItem(runId)).containsEntry("push_status", AttributeValue.fromS("delivered"))
                .containsKey("pushed_at").doesNotContainKey("push_message");
        assertThat(pushQueue.receive()).isEmpty();
    }

    @Test
    void skippedCreditMemo_showsSkippedWithItsReason() {
        String runId = run(EventName.CREDITMEMO_CREATED, 17, RunStatus.SKIPPED);
        producer.enqueue(skipped(runId, EventName.CREDITMEMO_CREATED, 17, "outside_sync_since", null, DECIDED));

        pushQueue.invoke(handler);

        SyncStateRow row = MAGENTO.syncState("creditmemo", 17).orElseThrow();
        assertThat(row.syncStatus()).isEqualTo("skipped");
        assertThat(row.skipReason()).isEqualTo("outside_sync_since");
        assertThat(row.errorCode()).isNull();
    }

    @Test
    void failedInvoice_showsFailedWithTheErrorClass() {
        String runId = run(EventName.INVOICE_CREATED, 43, RunStatus.FAILED);
        producer.enqueue(failed(runId, EventName.INVOICE_CREATED, 43, ErrorClass.VALIDATION, null, DECIDED));

        pushQueue.invoke(handler);

        SyncStateRow row = MAGENTO.syncState("invoice", 43).orElseThrow();
        assertThat(row.syncStatus()).isEqualTo("failed");
        assertThat(row.errorCode()).isEqualTo("validation");
        assertThat(row.providerEntityId()).isNull();
    }

    @Test
    void paymentSkip_afterASyncedInvoice_keepsTheInvoiceSynced_andAPaymentFailureFlipsBackOnSuccess() {
        String created = run(EventName.INVOICE_CREATED, 44, RunStatus.SUCCEEDED);
        producer.enqueue(synced(created, EventName.INVOICE_CREATED, 44, "sage-inv-44", "SI-44", DECIDED));
        pushQueue.invoke(handler);
        String paidSkip = run(EventName.INVOICE_PAID, 44, RunStatus.SKIPPED);
        producer.enqueue(skipped(paidSkip, EventName.INVOICE_PAID, 44, "payment_method_not_mapped",
                new Xref("sage-inv-44", "SI-44"), DECIDED.plusSeconds(60)));
        pushQueue.invoke(handler);

        SyncStateRow afterSkip = MAGENTO.syncState("invoice", 44).orElseThrow();
        assertThat(afterSkip.syncStatus()).isEqualTo("synced");
        assertThat(afterSkip.providerReference()).isEqualTo("SI-44");
        assertThat(afterSkip.skipReason()).isNull();

        String paidFail = run(EventName.INVOICE_PAID, 44, RunStatus.FAILED);
        producer.enqueue(failed(paidFail, EventName.INVOICE_PAID, 44, ErrorClass.VALIDATION, null,
                DECIDED.plusSeconds(120)));
        pushQueue.invoke(handler);
        assertThat(MAGENTO.syncState("invoice", 44).orElseThrow().errorCode()).isEqualTo("payment_validation");

        String paidOk = run(EventName.INVOICE_PAID, 44, RunStatus.SUCCEEDED);
        producer.enqueue(synced(paidOk, EventName.INVOICE_PAID, 44, "sage-inv-44", "SI-44", DECIDED.plusSeconds(180)));
        pushQueue.invoke(handler);
        SyncStateRow healed = MAGENTO.syncState("invoice", 44).orElseThrow();
        assertThat(healed.syncStatus()).isEqualTo("synced");
        assertThat(healed.errorCode()).isNull();
        assertThat(healed.providerEntityId()).isEqualTo("sage-inv-44");
    }

    @Test
    void magento5xx_isRetriedAfterABackoff_thenDelivered() {
        String runId = run(EventName.INVOICE_CREATED, 45, RunStatus.SUCCEEDED);
        producer.enqueue(synced(runId, EventName.INVOICE_CREATED, 45, "sage-45", "SI-45", DECIDED));
        MAGENTO.failNextSyncStates(1, 503);

        List<Message> first = pushQueue.receive();
        SQSBatchResponse failed = pushQueue.invoke(handler, first);

        assertThat(failed.getBatchItemFailures()).singleElement()
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .isEqualTo(first.get(0).messageId());
        assertThat(runItem(runId)).containsEntry("push_status", AttributeValue.fromS("retrying"))
                .containsEntry("push_message", AttributeValue.fromS("Magento sync-state answered 503"));
        // the handler set the message's visibility to the 1-minute backoff, not the queue's 180 s default
        assertThat(pushQueue.receive()).as("still backing off").isEmpty();
        assertThat(MAGENTO.syncState("invoice", 45)).isEmpty();

        pushQueue.expireBackoff(first.get(0));
        List<Message> second = pushQueue.receive();
        assertThat(second).singleElement().satisfies(m -> assertThat(m.attributes()).containsValue("2"));
        assertThat(pushQueue.invoke(handler, second).getBatchItemFailures()).isEmpty();

        assertThat(MAGENTO.syncState("invoice", 45).orElseThrow().syncStatus()).isEqualTo("synced");
        assertThat(runItem(runId)).containsEntry("push_status", AttributeValue.fromS("delivered"))
                .containsEntry("push_attempts", AttributeValue.fromN("2"));
    }

    @Test
    void magento401_recordsTheRun_flagsTheBindingTokenRevoked_andIsNotRetried() {
        String runId = run(EventName.INVOICE_CREATED, 46, RunStatus.SUCCEEDED);
        producer.enqueue(synced(runId, EventName.INVOICE_CREATED, 46, "sage-46", "SI-46", DECIDED));
        MAGENTO.forceUnauthorized(true);

        assertThat(pushQueue.invoke(handler).getBatchItemFailures()).isEmpty();

        assertThat(runItem(runId)).containsEntry("push_status", AttributeValue.fromS("unauthorized"));
        BindingState binding = new DynamoDbBindingStore(aws.adminClients().dynamoDb(), aws.tableName(),
                Clock.systemUTC()).state();
        assertThat(binding.magentoConnection()).isEqualTo(BindingState.TOKEN_REVOKED);
        assertThat(binding.reason()).contains("401");
        assertThat(pushQueue.receive()).isEmpty();
        assertThat(dlqDepth()).isZero();
    }

    @Test
    void magento400_isRecordedWithMagentosMessage_andNotRetried() {
        String runId = run(EventName.INVOICE_CREATED, 47, RunStatus.SUCCEEDED);
        producer.enqueue(synced(runId, EventName.INVOICE_CREATED, 47, "sage-47", "SI-47", DECIDED));
        MAGENTO.failNextSyncStates(1, 400);

        assertThat(pushQueue.invoke(handler).getBatchItemFailures()).isEmpty();

        Map<String, AttributeValue> item = runItem(runId);
        assertThat(item).containsEntry("push_status", AttributeValue.fromS("rejected"));
        // Magento's template only: its parameters (which may hold entity data) are dropped
        assertThat(item.get("push_message").s()).startsWith("Magento sync-state answered 400: Invalid value of")
                .doesNotContain("\"x\"");
        assertThat(pushQueue.receive()).isEmpty();
        assertThat(MAGENTO.syncState("invoice", 47)).isEmpty();
    }

    @Test
    void olderOutcome_arrivingAfterANewerOne_isSuperseded_andDoesNotRegressTheChip() {
        String older = run(EventName.INVOICE_CREATED, 48, RunStatus.FAILED);
        String newer = run(EventName.INVOICE_CREATED, 48, RunStatus.SUCCEEDED);
        producer.enqueue(synced(newer, EventName.INVOICE_CREATED, 48, "sage-48", "SI-48", DECIDED.plusSeconds(600)));
        pushQueue.invoke(handler);
        producer.enqueue(failed(older, EventName.INVOICE_CREATED, 48, ErrorClass.HTTP, null, DECIDED));
        pushQueue.invoke(handler);

        assertThat(MAGENTO.syncState("invoice", 48).orElseThrow().syncStatus()).isEqualTo("synced");
        assertThat(runItem(older)).containsEntry("push_status", AttributeValue.fromS("superseded"));
    }

    @Test
    void pushThatKeepsFailing_isDeadLetteredAfterMaxReceiveCount_andARedriveCompletesIt() throws Exception {
        String runId = run(EventName.INVOICE_CREATED, 49, RunStatus.SUCCEEDED);
        producer.enqueue(synced(runId, EventName.INVOICE_CREATED, 49, "sage-49", "SI-49", DECIDED));
        int maxReceiveCount = aws.resources().queue("PushQueue").maxReceiveCount();
        MAGENTO.failNextSyncStates(maxReceiveCount, 502);

        for (int attempt = 1; attempt <= maxReceiveCount; attempt++) {
            List<Message> batch = pushQueue.receive();
            assertThat(batch).as("attempt %d", attempt).hasSize(1);
            assertThat(pushQueue.invoke(handler, batch).getBatchItemFailures()).hasSize(1);
            pushQueue.expireBackoff(batch.get(0));
        }
        // the next receive exceeds maxReceiveCount: SQS moves the message to the DLQ instead of delivering it
        assertThat(pushQueue.receive()).isEmpty();
        assertThat(dlqDepth()).isEqualTo(1);
        assertThat(MAGENTO.syncState("invoice", 49)).isEmpty();

        // the documented operator command (docs/operations.md), through the SDK
        var sqs = aws.adminClients().sqs();
        String dlqArn = PushQueueDriver.arn(sqs, aws.queueUrl("PushDeadLetterQueue"));
        sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn).destinationArn(pushQueue.queueArn()));

        List<Message> redriven = awaitMessages(Duration.ofSeconds(10));
        assertThat(redriven).hasSize(1);
        assertThat(pushQueue.invoke(handler, redriven).getBatchItemFailures()).isEmpty();
        assertThat(MAGENTO.syncState("invoice", 49).orElseThrow().syncStatus()).isEqualTo("synced");
        assertThat(runItem(runId)).containsEntry("push_status", AttributeValue.fromS("delivered"));
        assertThat(dlqDepth()).isZero();
    }

    @Test
    void logsAndMetrics_carryIdsAndCodes_butNeverTheTokenOrTheKey() {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        io.sagesync.log.JsonLog.redirect(new java.io.PrintStream(captured, true,
                java.nio.charset.StandardCharsets.UTF_8), Clock.systemUTC());
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            String runId = run(EventName.INVOICE_CREATED, 50, RunStatus.SUCCEEDED);
            producer.enqueue(synced(runId, EventName.INVOICE_CREATED, 50, "sage-50", "SI-50", DECIDED));
            MAGENTO.failNextSyncStates(1, 500);
            pushQueue.invoke(handler);
        } finally {
            System.setOut(stdout);
            io.sagesync.log.JsonLog.redirect(stdout, Clock.systemUTC());
        }

        String output = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(output).contains("\"step\":\"push\"", "\"duration_ms\":", "\"tenant\":\"" + TENANT + "\"",
                "\"PushOutcome\":1", "\"Retries\":1");
        assertThat(output).doesNotContain(API_KEY, "Bearer", "eyJ");
    }

    @Test
    void poisonMessage_isNeverDeleted_soItEndsInTheDeadLetterQueue() {
        aws.adminClients().sqs().sendMessage(b -> b.queueUrl(aws.queueUrl("PushQueue")).messageBody("{\"v\":1}"));

        SQSBatchResponse response = pushQueue.invoke(handler);

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(MAGENTO.syncStateCalls()).noneMatch(call -> call.contains("\"v\""));
    }

    private static PushJob synced(String runId, EventName event, long id, String sageId, String ref, Instant at) {
        return Outcomes.pushJob(runId, event, id, RunOutcome.succeeded(sageId, ref, false, at.minusSeconds(2), at),
                null);
    }

    private static PushJob skipped(String runId, EventName event, long id, String reason, Xref invoice, Instant at) {
        return Outcomes.pushJob(runId, event, id, RunOutcome.skipped(reason, at.minusSeconds(2), at), invoice);
    }

    private static PushJob failed(String runId, EventName event, long id, ErrorClass errorClass, Xref invoice,
                                  Instant at) {
        return Outcomes.pushJob(runId, event, id,
                RunOutcome.failed(errorClass, "message", at.minusSeconds(2), at), invoice);
    }

    private List<Message> awaitMessages(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<Message> messages = pushQueue.receive();
        while (messages.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            messages = pushQueue.receive();
        }
        return messages;
    }

    private int dlqDepth() {
        String count = aws.adminClients().sqs().getQueueAttributes(b -> b.queueUrl(aws.queueUrl("PushDeadLetterQueue"))
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                .get("ApproximateNumberOfMessages");
        return Integer.parseInt(count);
    }

    private String run(EventName event, long entityId, RunStatus status) {
        String runId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        runs.createIfAbsent(SyncRun.builder(new SyncRun.Subject(runId, TENANT, event, entityId,
                        event.wireName() + ":" + entityId + ":" + runId), now)
                .status(status).attempts(1).enqueued(true)
                .errorClass(status == RunStatus.FAILED ? ErrorClass.VALIDATION : null).build());
        return runId;
    }

    private Map<String, AttributeValue> runItem(String runId) {
        return aws.adminClients().dynamoDb().getItem(b -> b.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("RUN#" + runId), "sk", AttributeValue.fromS("RUN"))))
                .item();
    }
}
