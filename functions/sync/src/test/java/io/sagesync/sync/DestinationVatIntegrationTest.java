package io.sagesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.simulator.magento.CanonicalContacts;
import io.sagesync.simulator.magento.CanonicalCreditMemos;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.sage.SageSimulator;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Destination VAT (OSS, issue 10 defect 3) end to end on ElasticMQ + moto + both simulators: a UK business with
 * {@code financial_settings.destination_vat} on sells to a Paris consumer and charges French VAT. The invoice and its
 * refund carry the French rates Sage determines for the buyer's own contact, as destination consignments, and equal
 * what Magento charged to the penny per VAT rate.
 */
@ExtendWith(LocalAwsExtension.class)
class DestinationVatIntegrationTest {
    private static final String TENANT = "tenant-oss-it";
    private static final String API_KEY = "k3y-for-oss-integration-tests-0123456789abcdefgh";
    private static final CanonicalContacts.Address PARIS = new CanonicalContacts.Address("billing",
            List.of("12 Rue de Rivoli"), "Paris", null, "75001", "FR", null);

    private final LocalAws aws;
    private SyncPipeline pipeline;

    DestinationVatIntegrationTest(LocalAws aws) {
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
    void frenchVatCharged_postsADestinationConsignmentAtFrenchRates_andItsRefundToo() {
        SageSimulator sage = pipeline.sage;
        sage.destinationVat(SageSimulator.LEAD_BUSINESS_ID, true);
        pipeline.savePolicy("{\"b2c_consolidation\": {\"enabled\": true}}");
        pipeline.magento.putInvoice(45, CanonicalInvoices.builder(45).lines(List.of(
                        CanonicalInvoices.line("DESK", "Standing Desk", "1.0", "100.0", "20.0", "0.0", "simple"),
                        CanonicalInvoices.line("BOOK", "Cookery Book", "2.0", "10.0", "1.10", "0.0", "simple")))
                .shipping("5.0", "1.0").discount("0.0").billingAddress(PARIS).shippingAddress(PARIS.as("shipping"))
                .build());

        String run = pipeline.queueRun(EventName.INVOICE_CREATED, 45);
        pipeline.drainAll();

        assertThat(pipeline.runs.find(run).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        JsonNode invoice = sage.invoices().get(0);
        assertThat(invoice.path("destination_consignment").asBoolean()).isTrue();
        assertThat(invoice.path("total_amount").decimalValue()).isEqualByComparingTo("147.10");
        assertThat(invoice.path("tax_amount").decimalValue()).isEqualByComparingTo("22.10");
        assertThat(invoice.path("invoice_lines").findValues("tax_rate")).extracting(r -> r.path("id").asText())
                .containsExactly("FR_DEST_STANDARD", "FR_DEST_REDUCED", "FR_DEST_STANDARD");
        assertThat(invoice.path("contact").path("displayed_as").asText()).as("the buyer's own contact, not WEBSALES")
                .doesNotContain("WEBSALES");
        assertThat(sage.requestCount("GET", "/tax_determinations")).isEqualTo(1);

        pipeline.magento.putCreditMemo(17, CanonicalCreditMemos.builder(17).invoice(45L, "000000045",
                "2026-04-30T10:11:12Z").lines(List.of(CanonicalInvoices.line("BOOK", "Cookery Book", "1.0", "10.0",
                "0.55", "0.0", "simple"))).shipping("0.0", "0.0").reason("Damaged").build());
        String refund = pipeline.queueRun(EventName.CREDITMEMO_CREATED, 17);
        pipeline.drainAll();

        assertThat(pipeline.runs.find(refund).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        JsonNode note = sage.creditNotes().get(0);
        assertThat(note.path("destination_consignment").asBoolean()).isTrue();
        assertThat(note.path("total_amount").decimalValue()).isEqualByComparingTo("10.55");
        assertThat(note.path("credit_note_lines").findValues("tax_rate")).extracting(r -> r.path("id").asText())
                .containsExactly("FR_DEST_REDUCED");
        pipeline.assertClean();
    }
}
