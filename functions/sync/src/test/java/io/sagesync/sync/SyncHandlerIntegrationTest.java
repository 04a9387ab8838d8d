package io.sagesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.adapter.sage.RetryPolicy;
import io.sagesync.adapter.sqs.SqsSyncQueue;
import io.sagesync.application.SyncWorkerSettings;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.domain.BindingState;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.magento.MagentoSimulator;
import io.sagesync.simulator.sage.SageSimulator;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The sync function end to end on ElasticMQ + moto + the Magento and Sage simulators, wired as in Lambda except for
 * endpoints, zero retry-queue delays and millisecond transport backoff (so the test does not wait minutes).
 */
@ExtendWith(LocalAwsExtension.class)
class SyncHandlerIntegrationTest {
    private static final String TENANT = "tenant-sync-it";
    private static final String API_KEY = "k3y-for-sync-integration-tests-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 3;

    private final LocalAws aws;
    private MagentoSimulator magento;
    private SageSimulator sage;
    private SyncHandler handler;
    private DynamoDbSyncRunStore runs;

    SyncHandlerIntegrationTest(LocalAws aws) {
        this.aws = aws;
    }

    @BeforeEach
    void start() {
        aws.reset();
        aws.putTenantApiKey(API_KEY);
        magento = MagentoSimulator.builder().tenantId(TENANT).apiKey(API_KEY).start();
        sage = SageSimulator.start();
        String token = sage.issueTokens().accessToken();
        SagesyncConfig base = aws.config(TENANT);
        SagesyncConfig config = new SagesyncConfig(TENANT, base.tableName(), base.syncQueueUrl(), base.syncDlqUrl(),
                base.retryQueueUrl(), base.pushQueueUrl(), base.tenantSecretId(), base.sageSecretId(),
                base.keyCacheTtl(), base.jwtLeeway(), magento.baseUrl(), sage.baseUrl());
        SyncWorkerSettings worker = new SyncWorkerSettings(MAX_ATTEMPTS, List.of(Duration.ZERO), Duration.ofDays(6),
                Duration.ofMinutes(15));
        RetryPolicy fast = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 4, Duration.ZERO,
                Duration.ofSeconds(1));
        handler = new SyncHandler(SyncComposition.of(config, aws.clients(), Clock.systemUTC(),
                new SageSettings(sage.baseUrl(), SageSimulator.LEAD_BUSINESS_ID, () -> token), worker, fast)
                .processSyncJob());
        runs = new DynamoDbSyncRunStore(aws.adminClients().dynamoDb(), aws.tableName(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        magento.close();
        sage.close();
    }

    @Test
    void oneInvoice_endToEnd_postsOneSageInvoice_storesTheXref_succeedsTheRun_andEnqueuesAPush() throws Exception {
        magento.putInvoice(42, CanonicalInvoices.gbpRegistered(42));
        String runId = queueRun(EventName.INVOICE_CREATED, 42);

        drainAll();

        assertThat(sage.invoices()).hasSize(1);
        String sageId = sage.invoices().get(0).path("id").asText();
        assertThat(item("XREF#invoice#42", "XREF")).containsEntry("sage_id", AttributeValue.fromS(sageId));
        Map<String, AttributeValue> run = item("RUN#" + runId, "RUN");
        assertThat(run).containsEntry("status", AttributeValue.fromS("succeeded"))
                .containsEntry("sage_id", AttributeValue.fromS(sageId))
                .containsEntry("attempts", AttributeValue.fromN("1"))
                .containsEntry("total_mismatch", AttributeValue.fromBool(false))
                .containsKeys("started_at", "finished_at", "duration_ms", "sage_reference");
        List<String> pushes = receiveAll("PushQueue").stream().map(Message::body).toList();
        assertThat(pushes).singleElement().satisfies(body -> {
            var update = JSON.readTree(body).path("update");
            assertThat(update.path("sync_status").asText()).isEqualTo("synced");
            assertThat(update.path("provider_entity_id").asText()).isEqualTo(sageId);
            assertThat(update.path("entity_type").asText()).isEqualTo("invoice");
        });
        assertThat(sage.contacts()).singleElement()
                .satisfies(c -> assertThat(c.path("reference").asText()).isEqualTo("M5"));
        assertClean();
    }

    @Test
    void redeliveryAndDuplicateJobs_produceOneSageInvoice() throws Exception {
        magento.putInvoice(43, CanonicalInvoices.gbpRegistered(43));
        String runId = queueRun(EventName.INVOICE_CREATED, 43);
        SyncJob again = new SyncJob(runId, TENANT, EventName.INVOICE_CREATED, 43, 1, 1, 2);
        new SqsSyncQueue(aws.adminClients().sqs(), aws.queueUrl("SyncQueue")).enqueue(again);

        List<Message> messages = receiveAll("SyncQueue");
        assertThat(messages).hasSize(2);
        SQSEvent event = event(messages, arn("SyncQueue"));
        handler.handleRequest(event, null);
        handler.handleRequest(event, null); // Lambda redelivers the same batch

        assertThat(sage.invoices()).hasSize(1);
        assertThat(sage.requestCount("POST", "/sales_invoices")).isEqualTo(1);
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertClean();
    }

    @Test
    void crashBetweenSagePostAndXrefWrite_stillOneInvoice() throws Exception {
        magento.putInvoice(41, CanonicalInvoices.gbpRegistered(41));
        magento.putInvoice(44, CanonicalInvoices.gbpRegistered(44));
        queueRun(EventName.INVOICE_CREATED, 41);
        drainAll(); // the buyer's contact xref now exists, so the invoice xref is the next PutItem
        String runId = queueRun(EventName.INVOICE_CREATED, 44);
        aws.faults().failNext("PutItem", 1); // the invoice exists in Sage but not in our table

        drainAll();

        // invoice 41 once, invoice 44 twice with the same idempotency id; Sage replays the second
        assertThat(sage.requestCount("POST", "/sales_invoices")).isEqualTo(3);
        assertThat(sage.invoices()).hasSize(2);
        assertThat(sage.contacts()).hasSize(1);
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertClean();
    }

    @Test
    void sageAnswers500AfterCreating_theReplayFindsTheSameInvoice() throws Exception {
        magento.putInvoice(45, CanonicalInvoices.gbpRegistered(45));
        sage.faults().failAfterCreate("POST", "/sales_invoices", 1);
        String runId = queueRun(EventName.INVOICE_CREATED, 45);

        drainAll();

        assertThat(sage.invoices()).hasSize(1);
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertClean();
    }

    @Test
    void sageValidationError_failsTheRunAsValidation_withoutRetry() throws Exception {
        magento.putInvoice(46, CanonicalInvoices.gbpRegistered(46));
        savePolicy("{\"default_ledger_account_id\":\"0123456789abcdef0123456789abcdef\"}");
        String runId = queueRun(EventName.INVOICE_CREATED, 46);

        drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass().wireName()).isEqualTo("validation");
        assertThat(run.reason()).contains("ledger_account_id");
        assertThat(run.attempts()).isEqualTo(1);
        assertThat(sage.requestCount("POST", "/sales_invoices")).isEqualTo(1);
        assertThat(sage.invoices()).isEmpty();
        assertThat(pushStatuses()).containsExactly("failed");
    }

    @Test
    void rateLimitStorm_isRetriedThroughTheRetryQueue_andSucceeds() throws Exception {
        magento.putInvoice(47, CanonicalInvoices.gbpRegistered(47));
        sage.faults().throttleNext("POST", "/sales_invoices", 6, null); // more than one attempt's 4 calls
        String runId = queueRun(EventName.INVOICE_CREATED, 47);

        drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.attempts()).isEqualTo(2);
        assertThat(sage.invoices()).hasSize(1);
        assertClean();
    }

    @Test
    void sageOutage_retriesWithBackoff_thenFailsAndDeadLetters_andARedriveSucceeds() throws Exception {
        magento.putInvoice(48, CanonicalInvoices.gbpRegistered(48));
        sage.faults().failNext("POST", "/sales_invoices", 1000, 503);
        String runId = queueRun(EventName.INVOICE_CREATED, 48);

        drainAll();

        SyncRun failed = runs.find(runId).orElseThrow();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.errorClass().wireName()).isEqualTo("provider");
        assertThat(failed.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(pushStatuses()).containsExactly("failed");
        List<Message> dead = receiveAll("SyncDeadLetterQueue");
        assertThat(dead).hasSize(1);

        sage.resetFaults();
        handler.handleRequest(event(dead, arn("SyncQueue")), null); // operator redrive into the sync queue
        drainAll();

        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sage.invoices()).hasSize(1);
        assertClean();
    }

    @Test
    void rateLimitBeyondTheRetryBudget_failsAsRateLimited_andDeadLetters() throws Exception {
        magento.putInvoice(50, CanonicalInvoices.gbpRegistered(50));
        sage.faults().throttleNext("POST", "/sales_invoices", 10_000, null);
        String runId = queueRun(EventName.INVOICE_CREATED, 50);

        drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass().wireName()).isEqualTo("rate_limited");
        assertThat(run.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(pushStatuses()).containsExactly("failed");
        assertThat(receiveAll("SyncDeadLetterQueue")).hasSize(1);
        assertThat(sage.invoices()).isEmpty();
    }

    @Test
    void malformedCanonicalInvoice_failsAsSerde_withoutRetryOrSageCall() throws Exception {
        magento.putInvoice(51, "{\"magento_id\":51,\"increment_id\":\"000000051\",\"lines\":\"not-a-list\"}");
        String runId = queueRun(EventName.INVOICE_CREATED, 51);

        drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass().wireName()).isEqualTo("serde");
        assertThat(run.attempts()).isEqualTo(1);
        assertThat(pushStatuses()).containsExactly("failed");
        assertThat(sage.requestCount("POST", "/")).isZero();
        assertThat(magento.rejections()).isEmpty();
    }

    @Test
    void magentoRejectingTheRequest_failsAsHttp_withoutRetry() throws Exception {
        magento.putInvoice(52, CanonicalInvoices.gbpRegistered(52));
        magento.failNextGets("invoice", 1, 400);
        String runId = queueRun(EventName.INVOICE_CREATED, 52);

        drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass().wireName()).isEqualTo("http");
        assertThat(run.attempts()).isEqualTo(1);
        assertThat(pushStatuses()).containsExactly("failed");
        assertThat(sage.requestCount("POST", "/")).isZero();
    }

    @Test
    void magento404_failsAsNotFound() throws Exception {
        String runId = queueRun(EventName.INVOICE_CREATED, 4040);

        drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass().wireName()).isEqualTo("not_found");
        assertThat(sage.requestCount("POST", "/")).isZero();
        assertThat(magento.rejections()).isEmpty();
    }

    @Test
    void magento401_failsAsAuth_andFlagsTheBinding() throws Exception {
        magento.putInvoice(49, CanonicalInvoices.gbpRegistered(49));
        magento.forceUnauthorized(true);
        String runId = queueRun(EventName.INVOICE_CREATED, 49);

        drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass().wireName()).isEqualTo("auth");
        assertThat(run.attempts()).isEqualTo(1);
        assertThat(new DynamoDbBindingStore(aws.adminClients().dynamoDb(), aws.tableName(), Clock.systemUTC())
                .state().magentoConnection()).isEqualTo(BindingState.TOKEN_REVOKED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"sync_unpaid_invoices\":false}           | open | 126.0 | unpaid_invoice_not_synced",
        "{\"sync_zero_value_invoices\":false}       | paid | 0.0   | zero_value_invoice",
        "{\"sync_since\":\"2030-01-01T00:00:00Z\"}  | paid | 126.0 | outside_sync_since",
        "{\"website_filter\":[7]}                   | paid | 126.0 | website_filtered",
        "{\"store_filter\":[7]}                     | paid | 126.0 | store_filtered"})
    void policySkips_recordTheReason_andPushSkipped(String policy, String state, String grandTotal, String reason)
            throws Exception {
        var builder = CanonicalInvoices.builder(50).state(state);
        if (!"126.0".equals(grandTotal)) {
            builder.lines(List.of(CanonicalInvoices.line("FREE", "Free sample", "1.0", "0.0", "0.0", "0.0",
                    "simple"))).shipping("0.0", "0.0").discount("0.0").grandTotal(grandTotal);
        }
        magento.putInvoice(50, builder.build());
        savePolicy(policy);
        String runId = queueRun(EventName.INVOICE_CREATED, 50);

        drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(run.reason()).isEqualTo(reason);
        assertThat(sage.requestCount("POST", "/")).isZero();
        assertThat(pushStatuses()).containsExactly("skipped");
        assertThat(magento.rejections()).isEmpty();
    }

    @Test
    void unsupportedEvents_areSkippedWithAReason_soNoChipStaysPending() throws Exception {
        String runId = queueRun(EventName.CREDITMEMO_CREATED, 17);

        drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(run.reason()).isEqualTo("event_not_supported");
        assertThat(pushStatuses()).containsExactly("skipped");
    }

    @Test
    void poisonMessage_failsSoSqsDeadLettersIt() {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId("poison-1");
        m.setBody("{not json");
        m.setEventSourceArn(arn("SyncQueue"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(m));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("poison-1");
    }

    // ------------------------------------------------------------------ helpers

    private String queueRun(EventName event, long entityId) {
        String runId = "run-" + entityId + "-" + System.nanoTime();
        Instant now = Instant.now();
        runs.createIfAbsent(new SyncRun(runId, TENANT, event, entityId, event.wireName() + ":" + entityId,
                RunStatus.QUEUED, 0, 1, false, now, now, null, null, null, null));
        new SqsSyncQueue(aws.adminClients().sqs(), aws.queueUrl("SyncQueue"))
                .enqueue(new SyncJob(runId, TENANT, event, entityId, 1, 1, 1));
        return runId;
    }

    /** Feeds the sync and retry queues to the handler until both are empty, deleting what the handler finished. */
    private void drainAll() {
        for (int round = 0; round < 30; round++) {
            boolean any = false;
            for (String queue : List.of("SyncQueue", "RetryQueue")) {
                List<Message> messages = receiveAll(queue);
                if (messages.isEmpty()) {
                    continue;
                }
                any = true;
                SQSBatchResponse response = handler.handleRequest(event(messages, arn(queue)), null);
                Set<String> failed = response.getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
                for (Message m : messages) {
                    if (failed.contains(m.messageId())) {
                        aws.adminClients().sqs().changeMessageVisibility(b -> b.queueUrl(aws.queueUrl(queue))
                                .receiptHandle(m.receiptHandle()).visibilityTimeout(0));
                    } else {
                        aws.adminClients().sqs().deleteMessage(b -> b.queueUrl(aws.queueUrl(queue))
                                .receiptHandle(m.receiptHandle()));
                    }
                }
            }
            if (!any) {
                return;
            }
        }
        throw new AssertionError("queues did not drain");
    }

    private List<Message> receiveAll(String queue) {
        List<Message> all = new ArrayList<>();
        while (true) {
            var batch = aws.adminClients().sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl(queue))
                    .maxNumberOfMessages(10).waitTimeSeconds(0).visibilityTimeout(30)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
    }

    private List<String> pushStatuses() {
        return receiveAll("PushQueue").stream().map(m -> {
            try {
                return JSON.readTree(m.body()).path("update").path("sync_status").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static SQSEvent event(List<Message> messages, String arn) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> {
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.messageId());
            r.setBody(m.body());
            r.setEventSourceArn(arn);
            return r;
        }).toList());
        return event;
    }

    private String arn(String queue) {
        return aws.adminClients().sqs().getQueueAttributes(b -> b.queueUrl(aws.queueUrl(queue))
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private Map<String, AttributeValue> item(String pk, String sk) {
        return aws.adminClients().dynamoDb().getItem(b -> b.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }

    private void savePolicy(String json) {
        new DynamoDbBindingStore(aws.adminClients().dynamoDb(), aws.tableName(), Clock.systemUTC())
                .savePolicy(new SyncPolicyJson().parse(json));
    }

    private void assertClean() {
        assertThat(sage.validationFailures()).isEmpty();
        assertThat(magento.rejections()).isEmpty();
    }
}
