package io.sagesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;
import io.sagesync.simulator.magento.CanonicalCreditMemos;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.magento.MagentoSimulator;
import io.sagesync.simulator.sage.SageSimulator;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Refunds end to end on ElasticMQ + moto + both simulators: invoice → paid → refunded, with Sage's outstanding
 * balances checked after every step, every body Swagger-validated by the Sage simulator, and Magento's repeated
 * {@code creditmemo.created} (every save of a memo) posting nothing new.
 */
@ExtendWith(LocalAwsExtension.class)
class RefundSyncIntegrationTest {
    private static final String TENANT = "tenant-refund-it";
    private static final String API_KEY = "k3y-for-refund-integration-tests-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalAws aws;
    private SyncPipeline pipeline;
    private MagentoSimulator magento;
    private SageSimulator sage;

    RefundSyncIntegrationTest(LocalAws aws) {
        this.aws = aws;
    }

    @BeforeEach
    void start() {
        pipeline = new SyncPipeline(aws, TENANT, API_KEY, 3);
        magento = pipeline.magento;
        sage = pipeline.sage;
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    @Test
    void invoicePaidThenRefundedTwice_eachRefundLeavesTheBankOfTheReceipt_andBalancesFollowEveryStep()
            throws Exception {
        pipeline.savePolicy("{\"payment_method_map\":{\"stripe_payments\":\"" + sage.bankAccountId("GBP") + "\"}}");
        magento.putInvoice(42, CanonicalInvoices.gbpRegistered(42));
        magento.putPayment(42, payment(42));
        pipeline.queueRun(EventName.INVOICE_CREATED, 42);
        pipeline.drainAll();
        assertBalance(sage.invoices().get(0), "126.00", "UNPAID");
        pipeline.queueRun(EventName.INVOICE_PAID, 42);
        pipeline.drainAll();
        assertBalance(sage.invoices().get(0), "0.00", "PAID");

        magento.putCreditMemo(17, CanonicalCreditMemos.builder(17).build()); // gift wrap + shipping: 18.00
        String firstRefund = pipeline.queueRun(EventName.CREDITMEMO_CREATED, 17);
        pipeline.drainAll();

        JsonNode firstNote = sage.creditNotes().get(0);
        assertThat(firstNote.path("total_amount").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(firstNote.path("contact").path("id")).isEqualTo(sage.invoices().get(0).path("contact").path("id"));
        assertThat(firstNote.path("original_invoice_date").asText()).isEqualTo("2026-04-30");
        assertThat(firstNote.path("notes").asText())
                .isEqualTo("Credit for invoice 000000042 \u2014 Customer returned gift wrap; shipping refunded");
        assertBalance(firstNote, "0.00", "PAID");
        assertBalance(sage.invoices().get(0), "0.00", "PAID");
        JsonNode refund = sage.payments().get(1);
        assertThat(refund.path("transaction_type").path("id").asText()).isEqualTo("CUSTOMER_REFUND");
        assertThat(refund.path("bank_account").path("id").asText()).isEqualTo(sage.bankAccountId("GBP"));
        assertThat(refund.path("total_amount").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(refund.path("allocated_artefacts").get(0).path("artefact").path("id").asText())
                .isEqualTo(firstNote.path("id").asText());
        SyncRun run = pipeline.runs.find(firstRefund).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.sageId()).isEqualTo(firstNote.path("id").asText());
        JsonNode push = pushFor(EventName.CREDITMEMO_CREATED).get(0);
        assertThat(push.path("entity_type").asText()).isEqualTo("creditmemo");
        assertThat(push.path("magento_entity_id").asLong()).isEqualTo(17);
        assertThat(push.path("sync_status").asText()).isEqualTo("synced");
        assertThat(push.path("provider_entity_id").asText()).isEqualTo(firstNote.path("id").asText());
        assertThat(push.path("provider_reference").asText()).isEqualTo("SCN-1");

        magento.putCreditMemo(18, CanonicalCreditMemos.builder(18).lines(List.of(
                CanonicalInvoices.line("MJ01-M-Red", "Beaumont Summit Kit", "2.0", "50.0", "18.0", "10.0",
                        "configurable"))).shipping("0.0", "0.0").reason("Kit returned").build()); // 108.00
        pipeline.queueRun(EventName.CREDITMEMO_CREATED, 18);
        pipeline.drainAll();

        assertThat(sage.creditNotes()).hasSize(2);
        assertBalance(sage.creditNotes().get(1), "0.00", "PAID");
        assertThat(sage.payments()).hasSize(3);
        assertThat(sage.payments().get(2).path("total_amount").decimalValue()).isEqualByComparingTo("108.00");
        pipeline.assertClean();
    }

    @Test
    void unpaidInvoice_creditNotesAreAllocatedAgainstIt_untilNothingIsOwed() throws Exception {
        magento.putInvoice(50, CanonicalInvoices.builder(50).paymentMethod("checkmo").build());
        pipeline.queueRun(EventName.INVOICE_CREATED, 50);
        pipeline.drainAll();
        assertBalance(sage.invoices().get(0), "126.00", "UNPAID");

        magento.putCreditMemo(51, CanonicalCreditMemos.builder(51).invoice(50L, "000000050", "2026-04-30T10:11:12Z")
                .build());
        pipeline.queueRun(EventName.CREDITMEMO_CREATED, 51);
        pipeline.drainAll();

        assertBalance(sage.invoices().get(0), "108.00", "PART_PAID");
        assertBalance(sage.creditNotes().get(0), "0.00", "PAID");
        assertThat(sage.payments()).as("no money moved: an allocation, not a refund").isEmpty();
        assertThat(sage.requestCount("POST", "/contact_allocations")).isEqualTo(1);

        magento.putCreditMemo(52, CanonicalCreditMemos.builder(52).invoice(50L, "000000050", "2026-04-30T10:11:12Z")
                .lines(List.of(CanonicalInvoices.line("MJ01-M-Red", "Beaumont Summit Kit", "2.0", "50.0", "18.0",
                        "10.0", "configurable"))).shipping("0.0", "0.0").build());
        pipeline.queueRun(EventName.CREDITMEMO_CREATED, 52);
        pipeline.drainAll();

        assertBalance(sage.invoices().get(0), "0.00", "PAID");
        assertBalance(sage.creditNotes().get(1), "0.00", "PAID");
        pipeline.assertClean();
    }

    @Test
    void memoSavedAgain_andDeliveredTwice_postsOneCreditNoteAndOneRefund() throws Exception {
        pipeline.savePolicy("{\"payment_method_map\":{\"stripe_payments\":\"" + sage.bankAccountId("GBP") + "\"}}");
        magento.putInvoice(60, CanonicalInvoices.gbpRegistered(60));
        magento.putPayment(60, payment(60));
        pipeline.queueRun(EventName.INVOICE_CREATED, 60);
        pipeline.queueRun(EventName.INVOICE_PAID, 60);
        pipeline.drainAll();
        magento.putCreditMemo(61, CanonicalCreditMemos.builder(61).invoice(60L, "000000060", "2026-04-30T10:11:12Z")
                .build());

        String first = pipeline.queueRun(EventName.CREDITMEMO_CREATED, 61);
        pipeline.drainAll();
        // a later save of the same memo arrives as a new delivery
        String resaved = pipeline.queueRun(EventName.CREDITMEMO_CREATED, 61, "creditmemo.created:61:saved-again");
        pipeline.drainAll();

        assertThat(sage.requestCount("POST", "/sales_credit_notes")).isEqualTo(1);
        assertThat(sage.payments()).hasSize(2); // the receipt and one refund
        assertThat(pipeline.runs.find(resaved).orElseThrow().sageId())
                .isEqualTo(pipeline.runs.find(first).orElseThrow().sageId());
        pipeline.assertClean();
    }

    @Test
    void memoBeforeItsInvoice_waitsInTheRetryQueue_thenPostsOnceTheInvoiceIsInSage() throws Exception {
        magento.putInvoice(70, CanonicalInvoices.builder(70).paymentMethod("checkmo").build());
        magento.putCreditMemo(71, CanonicalCreditMemos.builder(71).invoice(70L, "000000070", "2026-04-30T10:11:12Z")
                .build());
        String memoRun = pipeline.queueRun(EventName.CREDITMEMO_CREATED, 71);
        pipeline.processOnce("SyncQueue");
        assertThat(pipeline.runs.find(memoRun).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
        assertThat(sage.creditNotes()).isEmpty();

        pipeline.queueRun(EventName.INVOICE_CREATED, 70);
        pipeline.drainAll();

        SyncRun run = pipeline.runs.find(memoRun).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.attempts()).isEqualTo(2);
        assertThat(sage.creditNotes()).hasSize(1);
        assertBalance(sage.invoices().get(0), "108.00", "PART_PAID");
        pipeline.assertClean();
    }

    @Test
    void orderLevelMemo_isSkippedWithItsReason_andTheChipSaysSo() throws Exception {
        magento.putCreditMemo(80, CanonicalCreditMemos.builder(80).invoice(null, null, null).build());
        String run = pipeline.queueRun(EventName.CREDITMEMO_CREATED, 80);

        pipeline.drainAll();

        assertThat(pipeline.runs.find(run).orElseThrow().reason()).isEqualTo("creditmemo_without_invoice");
        JsonNode push = pushFor(EventName.CREDITMEMO_CREATED).get(0);
        assertThat(push.path("sync_status").asText()).isEqualTo("skipped");
        assertThat(push.path("skip_reason").asText()).isEqualTo("creditmemo_without_invoice");
        assertThat(sage.requestCount("POST", "/")).isZero();
    }

    private static void assertBalance(JsonNode artefact, String outstanding, String status) {
        assertThat(artefact.path("outstanding_amount").decimalValue()).as("outstanding")
                .isEqualByComparingTo(new BigDecimal(outstanding));
        assertThat(artefact.path("status").path("id").asText()).as("status").isEqualTo(status);
    }

    private static String payment(long invoiceId) {
        return "{\"magento_id\":" + invoiceId + ",\"invoice_id\":" + invoiceId
                + ",\"invoice_increment_id\":\"0000000" + invoiceId + "\",\"method\":\"stripe_payments\","
                + "\"currency\":\"GBP\",\"amount\":126.0,\"captured_at\":\"2026-04-30T10:11:12+00:00\"}";
    }

    private List<JsonNode> pushFor(EventName event) throws Exception {
        List<JsonNode> matching = new java.util.ArrayList<>();
        for (Message m : pipeline.receiveAll("PushQueue")) {
            JsonNode job = JSON.readTree(m.body());
            if (event.wireName().equals(job.path("event").asText())) {
                matching.add(job.path("update"));
            }
        }
        return matching;
    }
}
