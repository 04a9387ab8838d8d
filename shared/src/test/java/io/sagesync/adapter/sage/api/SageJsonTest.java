package io.sagesync.adapter.sage.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagesync.domain.sage.SageAddress;
import io.sagesync.domain.sage.SageContactPaymentRequest;
import io.sagesync.domain.sage.SageContactPerson;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.domain.sage.SageInvoiceLine;
import io.sagesync.domain.sage.SageSalesInvoiceRequest;
import io.sagesync.simulator.sage.SwaggerBodyValidator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SageJsonTest {
    private final SageJson json = new SageJson();

    @Test
    void contactPayment_receiptWithAllocation_isSwaggerValid_moneyAsStrings_foreignRateTo10dp() {
        SageContactPaymentRequest r = new SageContactPaymentRequest("CUSTOMER_RECEIPT", "c1", "b1",
                LocalDate.of(2026, 4, 30), new BigDecimal("126.0"), "EUR", new BigDecimal("0.85"), "000000042",
                List.of(new SageContactPaymentRequest.Allocation("inv1", new BigDecimal("100"))), "ab".repeat(16));
        JsonNode p = json.contactPaymentTree(r).get("contact_payment");
        assertThat(p.get("total_amount").asText()).isEqualTo("126.00");
        assertThat(p.get("exchange_rate").asText()).isEqualTo("0.8500000000");
        assertThat(p.get("allocated_artefacts").get(0).get("amount").asText()).isEqualTo("100.00");
        assertThat(p.get("allocated_artefacts").get(0).get("artefact_id").asText()).isEqualTo("inv1");
        assertThat(p.get("idempotency_id").asText()).hasSize(32);
        assertThat(SwaggerBodyValidator.fromClasspath().validate("postContactPayments", json.contactPaymentTree(r)))
                .isEmpty();
    }

    @Test
    void salesInvoice_moneyAsTwoDecimalStrings_quantityPlain_nullsOmitted_rootWrapped() {
        SageSalesInvoiceRequest r = new SageSalesInvoiceRequest("c1", LocalDate.of(2026, 4, 30), null, "R1", null,
                "EUR", new BigDecimal("0.85"), new SageAddress("1 St", null, "Town", null, null, "GB", null),
                new SageAddress("1 St", null, "Town", null, null, "GB", null),
                List.of(new SageInvoiceLine("Widget", "L1", new BigDecimal("2.000"), new BigDecimal("5"), null,
                        "GB_STANDARD", new BigDecimal("2"), null)), null, null, null, "ab".repeat(16));
        JsonNode inv = json.salesInvoiceTree(r).get("sales_invoice");
        assertThat(inv.get("date").asText()).isEqualTo("2026-04-30");
        assertThat(inv.get("exchange_rate").asText()).isEqualTo("0.8500000000");
        JsonNode line = inv.get("invoice_lines").get(0);
        assertThat(line.get("quantity").asText()).isEqualTo("2");
        assertThat(line.get("unit_price").asText()).isEqualTo("5.00");
        assertThat(line.get("tax_amount").isTextual()).isTrue();
        assertThat(line.has("discount_amount")).isFalse();
        assertThat(inv.has("due_date")).isFalse();
        assertThat(inv.has("shipping_net_amount")).isFalse();
        assertThat(SwaggerBodyValidator.fromClasspath().validate("postSalesInvoices", json.salesInvoiceTree(r)))
                .isEmpty();
    }

    @Test
    void contact_rootWrapped_andValidAgainstSwagger() {
        SageContactRequest c = new SageContactRequest("Acme Ltd", List.of("CUSTOMER"), "M5", "GBP",
                new SageAddress("1 St", "Flat 2", "Town", "SW1A 1AA", "Region", "GB", null), null,
                new SageContactPerson("Jane Smith", "jane@example.com", "0207", true), null);
        JsonNode tree = json.contactTree(c);
        assertThat(tree.at("/contact/contact_type_ids/0").asText()).isEqualTo("CUSTOMER");
        assertThat(tree.at("/contact/main_contact_person/email").asText()).isEqualTo("jane@example.com");
        assertThat(SwaggerBodyValidator.fromClasspath().validate("postContacts", tree)).isEmpty();
    }

    @Test
    void reading_ignoresUnknownProperties() {
        assertThat(json.readTree("{\"id\":\"x\",\"$new\":1}").get("id").asText()).isEqualTo("x");
    }
}
