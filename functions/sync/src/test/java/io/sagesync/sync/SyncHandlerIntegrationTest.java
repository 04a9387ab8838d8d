package io.sagesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.sqs.SqsSyncQueue;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

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
    private SyncPipeline pipeline;
    private MagentoSimulator magento;
    private SageSimulator sage;
    private SyncHandler handler;
    private DynamoDbSyncRunStore runs;

    SyncHandlerIntegrationTest(LocalAws aws) {
        this.aws = aws;
    }

    @BeforeEach
    void start() {
        pipeline = new SyncPipeline(aws, TENANT, API_KEY, MAX_ATTEMPTS);
        magento = pipeline.magento;
        sage = pipeline.sage;
        handler = pipeline.handler;
        runs = pipeline.runs;
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    @Test
    void oneInvoice_endToEnd_postsOneSageInvoice_storesTheXref_succeedsTheRun_andEnqueuesAPush() throws Exception {
        magento.putInvoice(42, CanonicalInvoices.gbpRegistered(42));
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 42);

        pipeline.drainAll();

        assertThat(sage.invoices()).hasSize(1);
        String sageId = sage.invoices().get(0).path("id").asText();
        assertThat(pipeline.item("XREF#invoice#42", "XREF")).containsEntry("sage_id", AttributeValue.fromS(sageId));
        Map<String, AttributeValue> run = pipeline.item("RUN#" + runId, "RUN");
        assertThat(run).containsEntry("status", AttributeValue.fromS("succeeded"))
                .containsEntry("sage_id", AttributeValue.fromS(sageId))
                .containsEntry("attempts", AttributeValue.fromN("1"))
                .containsEntry("total_mismatch", AttributeValue.fromBool(false))
                .containsKeys("started_at", "finished_at", "duration_ms", "sage_reference");
        List<String> pushes = pipeline.receiveAll("PushQueue").stream().map(Message::body).toList();
        assertThat(pushes).singleElement().satisfies(body -> {
            var update = JSON.readTree(body).path("update");
            assertThat(update.path("sync_status").asText()).isEqualTo("synced");
            assertThat(update.path("provider_entity_id").asText()).isEqualTo(sageId);
            assertThat(update.path("entity_type").asText()).isEqualTo("invoice");
        });
        assertThat(sage.contacts()).singleElement()
                .satisfies(c -> assertThat(c.path("reference").asText()).isEqualTo("M5"));
        pipeline.assertClean();
    }

    @Test
    void redeliveryAndDuplicateJobs_produceOneSageInvoice() throws Exception {
        magento.putInvoice(43, CanonicalInvoices.gbpRegistered(43));
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 43);
        SyncJob again = new SyncJob(runId, TENANT, EventName.INVOICE_CREATED, 43, 1, 1, 2);
        new SqsSyncQueue(aws.adminClients().sqs(), aws.queueUrl("SyncQueue")).enqueue(again);

        List<Message> messages = pipeline.receiveAll("SyncQueue");
        assertThat(messages).hasSize(2);
        SQSEvent event = SyncPipeline.event(messages, pipeline.arn("SyncQueue"));
        handler.handleRequest(event, null);
        handler.handleRequest(event, null); // Lambda redelivers the same batch

        assertThat(sage.invoices()).hasSize(1);
        assertThat(sage.requestCount("POST", "/sales_invoices")).isEqualTo(1);
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        pipeline.assertClean();
    }

    @Test
    void crashBetweenSagePostAndXrefWrite_stillOneInvoice() throws Exception {
        magento.putInvoice(41, CanonicalInvoices.gbpRegistered(41));
        magento.putInvoice(44, CanonicalInvoices.gbpRegistered(44));
        pipeline.queueRun(EventName.INVOICE_CREATED, 41);
        pipeline.drainAll(); // the buyer's contact xref now exists, so the invoice xref is the next PutItem
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 44);
        aws.faults().failNext("PutItem", 1); // the invoice exists in Sage but not in our table

        pipeline.drainAll();

        // invoice 41 once, invoice 44 twice with the same idempotency id; Sage replays the second
        assertThat(sage.requestCount("POST", "/sales_invoices")).isEqualTo(3);
        assertThat(sage.invoices()).hasSize(2);
        assertThat(sage.contacts()).hasSize(1);
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        pipeline.assertClean();
    }

    @Test
    void sageAnswers500AfterCreating_theReplayFindsTheSameInvoice() throws Exception {
        magento.putInvoice(45, CanonicalInvoices.gbpRegistered(45));
        sage.faults().failAfterCreate("POST", "/sales_invoices", 1);
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 45);

        pipeline.drainAll();

        assertThat(sage.invoices()).hasSize(1);
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        pipeline.assertClean();
    }

    @Test
    void sageValidationError_failsTheRunAsValidation_withoutRetry() throws Exception {
        magento.putInvoice(46, CanonicalInvoices.gbpRegistered(46));
        pipeline.savePolicy("{\"default_ledger_account_id\":\"0123456789abcdef0123456789abcdef\"}");
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 46);

        pipeline.drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass().wireName()).isEqualTo("validation");
        assertThat(run.reason()).contains("ledger_account_id");
        assertThat(run.attempts()).isEqualTo(1);
        assertThat(sage.requestCount("POST", "/sales_invoices")).isEqualTo(1);
        assertThat(sage.invoices()).isEmpty();
        assertThat(pipeline.pushStatuses()).containsExactly("failed");
    }

    @Test
    void rateLimitStorm_isRetriedThroughTheRetryQueue_andSucceeds() throws Exception {
        magento.putInvoice(47, CanonicalInvoices.gbpRegistered(47));
        sage.faults().throttleNext("POST", "/sales_invoices", 6, null); // more than one attempt's 4 calls
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 47);

        pipeline.drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.attempts()).isEqualTo(2);
        assertThat(sage.invoices()).hasSize(1);
        pipeline.assertClean();
    }

    @Test
    void sageOutage_retriesWithBackoff_thenFailsAndDeadLetters_andARedriveSucceeds() throws Exception {
        magento.putInvoice(48, CanonicalInvoices.gbpRegistered(48));
        sage.faults().failNext("POST", "/sales_invoices", 1000, 503);
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 48);

        pipeline.drainAll();

        SyncRun failed = runs.find(runId).orElseThrow();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.errorClass().wireName()).isEqualTo("provider");
        assertThat(failed.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(pipeline.pushStatuses()).containsExactly("failed");
        List<Message> dead = pipeline.receiveAll("SyncDeadLetterQueue");
        assertThat(dead).hasSize(1);

        sage.resetFaults();
        handler.handleRequest(SyncPipeline.event(dead, pipeline.arn("SyncQueue")), null); // operator redrive into the sync queue
        pipeline.drainAll();

        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sage.invoices()).hasSize(1);
        pipeline.assertClean();
    }

    @Test
    void rateLimitBeyondTheRetryBudget_failsAsRateLimited_andDeadLetters() throws Exception {
        magento.putInvoice(50, CanonicalInvoices.gbpRegistered(50));
        sage.faults().throttleNext("POST", "/sales_invoices", 10_000, null);
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 50);

        pipeline.drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass().wireName()).isEqualTo("rate_limited");
        assertThat(run.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(pipeline.pushStatuses()).containsExactly("failed");
        assertThat(pipeline.receiveAll("SyncDeadLetterQueue")).hasSize(1);
        assertThat(sage.invoices()).isEmpty();
    }

    @Test
    void malformedCanonicalInvoice_failsAsSerde_withoutRetryOrSageCall() throws Exception {
        magento.putInvoice(51, "{\"magento_id\":51,\"increment_id\":\"000000051\",\"lines\":\"not-a-list\"}");
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 51);

        pipeline.drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass().wireName()).isEqualTo("serde");
        assertThat(run.attempts()).isEqualTo(1);
        assertThat(pipeline.pushStatuses()).containsExactly("failed");
        assertThat(sage.requestCount("POST", "/")).isZero();
        assertThat(magento.rejections()).isEmpty();
    }

    @Test
    void magentoRejectingTheRequest_failsAsHttp_withoutRetry() throws Exception {
        magento.putInvoice(52, CanonicalInvoices.gbpRegistered(52));
        magento.failNextGets("invoice", 1, 400);
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 52);

        pipeline.drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass().wireName()).isEqualTo("http");
        assertThat(run.attempts()).isEqualTo(1);
        assertThat(pipeline.pushStatuses()).containsExactly("failed");
        assertThat(sage.requestCount("POST", "/")).isZero();
    }

    @Test
    void magento404_failsAsNotFound() throws Exception {
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 4040);

        pipeline.drainAll();

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
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 49);

        pipeline.drainAll();

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
        pipeline.savePolicy(policy);
        String runId = pipeline.queueRun(EventName.INVOICE_CREATED, 50);

        pipeline.drainAll();

        SyncRun run = runs.find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(run.reason()).isEqualTo(reason);
        assertThat(sage.requestCount("POST", "/")).isZero();
        assertThat(pipeline.pushStatuses()).containsExactly("skipped");
        assertThat(magento.rejections()).isEmpty();
    }

    @Test
    void customerAndProductSaves_underTheDefaultPolicy_areSkippedWithAReason_soNoChipStaysPending()
            throws Exception {
        magento.putCustomer(5, io.sagesync.simulator.magento.CanonicalContacts.janeSmith(5).toJson());
        magento.putProduct(301, io.sagesync.simulator.magento.CanonicalProducts.joustDuffleBag(301).toJson());
        String customerRun = pipeline.queueRun(EventName.CUSTOMER_UPSERTED, 5);
        String productRun = pipeline.queueRun(EventName.PRODUCT_UPSERTED, 301);

        pipeline.drainAll();

        SyncRun customer = runs.find(customerRun).orElseThrow();
        assertThat(customer.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(customer.reason()).as("update-only: a save never creates a contact")
                .isEqualTo("customer_not_in_sage");
        SyncRun product = runs.find(productRun).orElseThrow();
        assertThat(product.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(product.reason()).isEqualTo("product_sync_disabled");
        assertThat(pipeline.pushStatuses()).containsExactly("skipped", "skipped");
        assertThat(sage.requestCount("POST", "/")).isZero();
        assertThat(sage.requestCount("PUT", "/")).isZero();
    }

    @Test
    void poisonMessage_failsSoSqsDeadLettersIt() {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId("poison-1");
        m.setBody("{not json");
        m.setEventSourceArn(pipeline.arn("SyncQueue"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(m));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("poison-1");
    }

}
