package io.sagesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.sqs.SqsSyncQueue;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.magento.MagentoSimulator;
import io.sagesync.simulator.sage.SageSimulator;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * invoice.paid end to end on ElasticMQ + moto + both simulators: the receipt is Swagger-validated by the Sage
 * simulator, allocated to the Sage invoice, posted once, and the shared invoice row keeps showing the invoice.
 */
@ExtendWith(LocalAwsExtension.class)
class PaymentSyncIntegrationTest {
    private static final String TENANT = "tenant-payment-it";
    private static final String API_KEY = "k3y-for-payment-integration-tests-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 3;

    private final LocalAws aws;
    private SyncPipeline pipeline;
    private MagentoSimulator magento;
    private SageSimulator sage;
    private SyncHandler handler;
    private DynamoDbSyncRunStore runs;

    PaymentSyncIntegrationTest(LocalAws aws) {
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
    void invoiceCreatedThenPaid_postsOneReceiptAllocatedToTheSageInvoice_andThePushShowsTheInvoice()
            throws Exception {
        mapStripeToTheGbpBank();
        magento.putInvoice(42, CanonicalInvoices.gbpRegistered(42));
        magento.putPayment(42, payment(42));
        pipeline.queueRun(EventName.INVOICE_CREATED, 42);
        pipeline.drainAll();
        String paidRun = pipeline.queueRun(EventName.INVOICE_PAID, 42);

        pipeline.drainAll();

        JsonNode invoice = sage.invoices().get(0);
        String invoiceId = invoice.path("id").asText();
        assertThat(sage.payments()).singleElement().satisfies(p -> {
            assertThat(p.path("transaction_type").path("id").asText()).isEqualTo("CUSTOMER_RECEIPT");
            assertThat(p.path("contact").path("id").asText()).isEqualTo(invoice.path("contact").path("id").asText());
            assertThat(p.path("bank_account").path("id").asText()).isEqualTo(sage.bankAccountId("GBP"));
            assertThat(p.path("date").asText()).isEqualTo("2026-04-30");
            assertThat(p.path("total_amount").decimalValue()).isEqualByComparingTo("126.00");
            assertThat(p.path("allocated_artefacts")).singleElement().satisfies(a -> {
                assertThat(a.path("artefact").path("id").asText(a.path("artefact_id").asText()))
                        .isEqualTo(invoiceId);
                assertThat(a.path("amount").decimalValue()).isEqualByComparingTo("126.00");
            });
        });
        assertThat(invoice.path("total_amount").decimalValue()).isEqualByComparingTo("126.00");
        assertThat(sage.invoices().get(0).path("status").path("id").asText()).isEqualTo("PAID");
        SyncRun run = runs.find(paidRun).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.sageId()).isEqualTo(sage.payments().get(0).path("id").asText());
        assertThat(pipeline.item("XREF#payment#42", "XREF")).containsEntry("sage_id", AttributeValue.fromS(run.sageId()));
        JsonNode push = pushFor(EventName.INVOICE_PAID);
        assertThat(push.path("sync_status").asText()).isEqualTo("synced");
        assertThat(push.path("provider_entity_id").asText()).isEqualTo(invoiceId);
        pipeline.assertClean();
    }

    @Test
    void paidBeforeCreated_isRetried_thenSucceedsOnceTheInvoiceIsInSage() throws Exception {
        mapStripeToTheGbpBank();
        magento.putInvoice(43, CanonicalInvoices.gbpRegistered(43));
        magento.putPayment(43, payment(43));
        String paidRun = pipeline.queueRun(EventName.INVOICE_PAID, 43);
        pipeline.processOnce("SyncQueue"); // the invoice is not in Sage: the payment waits in the retry queue
        assertThat(runs.find(paidRun).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
        assertThat(receiveCount("PushQueue")).isZero();

        pipeline.queueRun(EventName.INVOICE_CREATED, 43);
        pipeline.drainAll();

        SyncRun run = runs.find(paidRun).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.attempts()).isEqualTo(2);
        assertThat(sage.invoices()).hasSize(1);
        assertThat(sage.payments()).hasSize(1);
        assertThat(pushFor(EventName.INVOICE_PAID).path("provider_entity_id").asText())
                .isEqualTo(sage.invoices().get(0).path("id").asText());
        pipeline.assertClean();
    }

    @Test
    void paidWithoutTheInvoiceEverSyncing_failsAfterTheBudget_withInvoiceNotSyncedYet() throws Exception {
        mapStripeToTheGbpBank();
        magento.putPayment(44, payment(44));
        String paidRun = pipeline.queueRun(EventName.INVOICE_PAID, 44);

        pipeline.drainAll();

        SyncRun run = runs.find(paidRun).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.reason()).isEqualTo("invoice_not_synced_yet");
        assertThat(run.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(sage.requestCount("POST", "/contact_payments")).isZero();
        pipeline.assertClean();
    }

    @Test
    void duplicatePaidJobs_andASecondPaidRun_postOnePayment() throws Exception {
        mapStripeToTheGbpBank();
        magento.putInvoice(45, CanonicalInvoices.gbpRegistered(45));
        magento.putPayment(45, payment(45));
        pipeline.queueRun(EventName.INVOICE_CREATED, 45);
        pipeline.drainAll();
        String paidRun = pipeline.queueRun(EventName.INVOICE_PAID, 45);
        new SqsSyncQueue(aws.adminClients().sqs(), aws.queueUrl("SyncQueue"))
                .enqueue(new SyncJob(paidRun, TENANT, EventName.INVOICE_PAID, 45, 1, 1, 2));

        pipeline.drainAll();
        // a second delivery with its own idempotency key (e.g. a re-sent outbox row) is a separate run
        String secondRun = pipeline.queueRun(EventName.INVOICE_PAID, 45, "invoice.paid:45:resent");
        pipeline.drainAll();

        assertThat(sage.payments()).hasSize(1);
        assertThat(sage.requestCount("POST", "/contact_payments")).isEqualTo(1);
        assertThat(runs.find(paidRun).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runs.find(secondRun).orElseThrow().sageId()).isEqualTo(sage.payments().get(0).path("id").asText());
        pipeline.assertClean();
    }

    @Test
    void methodMappedToNone_isSkippedAsNotMapped_andThePushKeepsTheInvoiceSynced() throws Exception {
        pipeline.savePolicy("{\"payment_method_map\":{\"stripe_payments\":null},\"default_bank_account_id\":\""
                + sage.bankAccountId("GBP") + "\"}");
        magento.putInvoice(46, CanonicalInvoices.gbpRegistered(46));
        magento.putPayment(46, payment(46));
        pipeline.queueRun(EventName.INVOICE_CREATED, 46);
        pipeline.drainAll();
        String paidRun = pipeline.queueRun(EventName.INVOICE_PAID, 46);

        pipeline.drainAll();

        SyncRun run = runs.find(paidRun).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(run.reason()).isEqualTo("payment_method_not_mapped");
        assertThat(sage.payments()).isEmpty();
        JsonNode push = pushFor(EventName.INVOICE_PAID);
        assertThat(push.path("sync_status").asText()).isEqualTo("synced");
        assertThat(push.path("provider_entity_id").asText()).isEqualTo(sage.invoices().get(0).path("id").asText());
        assertThat(sage.invoices().get(0).path("status").path("id").asText()).isEqualTo("UNPAID");
        pipeline.assertClean();
    }

    @Test
    void unpaidInvoiceHeldBackByPolicy_isPostedByItsPaidEvent_thenTheReceipt() throws Exception {
        pipeline.savePolicy("{\"sync_unpaid_invoices\":false,\"payment_method_map\":{\"stripe_payments\":\""
                + sage.bankAccountId("GBP") + "\"}}");
        magento.putInvoice(47, CanonicalInvoices.builder(47).state("open").build());
        magento.putPayment(47, payment(47));
        String createdRun = pipeline.queueRun(EventName.INVOICE_CREATED, 47);
        pipeline.drainAll();
        assertThat(runs.find(createdRun).orElseThrow().reason()).isEqualTo("unpaid_invoice_not_synced");
        assertThat(sage.invoices()).isEmpty();

        magento.putInvoice(47, CanonicalInvoices.builder(47).state("paid").build());
        String paidRun = pipeline.queueRun(EventName.INVOICE_PAID, 47);
        pipeline.drainAll();

        assertThat(sage.invoices()).singleElement().satisfies(i ->
                assertThat(i.path("status").path("id").asText()).isEqualTo("PAID"));
        assertThat(sage.payments()).singleElement().satisfies(p -> {
            assertThat(p.path("payment_method").path("id").asText()).isEqualTo("CREDIT_DEBIT");
            assertThat(p.path("date").asText()).isEqualTo("2026-04-30");
        });
        SyncRun run = runs.find(paidRun).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(pipeline.item("XREF#invoice#47", "XREF")).containsEntry("sage_id",
                AttributeValue.fromS(sage.invoices().get(0).path("id").asText()));
        assertThat(pushFor(EventName.INVOICE_PAID).path("sync_status").asText()).isEqualTo("synced");
        assertThat(sage.validationFailures()).isEmpty();
        pipeline.assertClean();
    }

    @Test
    void euroReceiptMappedToTheSterlingBank_failsClearly_andPostsNoPayment() throws Exception {
        pipeline.savePolicy("{\"payment_method_map\":{\"checkmo\":\"" + sage.bankAccountId("GBP") + "\"}}");
        magento.putInvoice(48, CanonicalInvoices.eurGuest(48));
        magento.putPayment(48, "{\"magento_id\":48,\"invoice_id\":48,\"invoice_increment_id\":\"000000048\","
                + "\"method\":\"checkmo\",\"currency\":\"EUR\",\"amount\":67.86,"
                + "\"captured_at\":\"2026-05-02T14:00:05+00:00\"}");
        pipeline.queueRun(EventName.INVOICE_CREATED, 48);
        pipeline.drainAll();
        String paidRun = pipeline.queueRun(EventName.INVOICE_PAID, 48);

        pipeline.drainAll();

        SyncRun run = runs.find(paidRun).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass()).isEqualTo(io.sagesync.domain.ErrorClass.VALIDATION);
        assertThat(run.reason()).isEqualTo("bank_account_currency_mismatch");
        assertThat(sage.payments()).isEmpty();
        assertThat(pushFor(EventName.INVOICE_PAID).path("error_code").asText()).isEqualTo("payment_validation");
        pipeline.assertClean();
    }

    /** The canonical payment per wire contract §d: amount as a PHP float, key-less gateway_metadata. */
    private static String payment(long invoiceId) {
        return "{\"magento_id\":" + invoiceId + ",\"invoice_id\":" + invoiceId
                + ",\"invoice_increment_id\":\"0000000" + invoiceId + "\",\"method\":\"stripe_payments\","
                + "\"currency\":\"GBP\",\"amount\":126.0,\"captured_at\":\"2026-04-30T10:11:12+00:00\","
                + "\"gateway_txn_id\":\"pi_3Pxyz\",\"gateway_metadata\":[\"card\",\"visa\",\"4242\"]}";
    }

    private void mapStripeToTheGbpBank() {
        pipeline.savePolicy("{\"payment_method_map\":{\"stripe_payments\":\"" + sage.bankAccountId("GBP") + "\"}}");
    }

    private int receiveCount(String queue) {
        return pipeline.receiveAll(queue).size();
    }

    /** The update of the single push job enqueued for {@code event}. */
    private JsonNode pushFor(EventName event) throws Exception {
        List<JsonNode> matching = new ArrayList<>();
        for (Message m : pipeline.receiveAll("PushQueue")) {
            JsonNode job = JSON.readTree(m.body());
            if (event.wireName().equals(job.path("event").asText())) {
                matching.add(job.path("update"));
            }
        }
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

}
