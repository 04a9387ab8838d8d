package io.sagesync.simulator.sage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SwaggerBodyValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SwaggerBodyValidator validator = SwaggerBodyValidator.fromClasspath();

    private static ObjectNode minimalInvoice() {
        ObjectNode line = JSON.createObjectNode()
                .put("description", "Widget")
                .put("ledger_account_id", "9a994b92267a11e797950a57719b2edb")
                .put("quantity", "1")
                .put("unit_price", "110.00")
                .put("discount_amount", "10.00")
                .put("tax_rate_id", "GB_STANDARD")
                .put("tax_amount", "20.00");
        ObjectNode invoice = JSON.createObjectNode()
                .put("contact_id", "0f3e2bd2267a11e797950a57719b2edb")
                .put("date", "2024-06-24")
                .put("reference", "100000123");
        invoice.putArray("invoice_lines").add(line);
        ObjectNode body = JSON.createObjectNode();
        body.set("sales_invoice", invoice);
        return body;
    }

    private static ObjectNode invoiceOf(ObjectNode body) {
        return (ObjectNode) body.get("sales_invoice");
    }

    private static ObjectNode firstLine(ObjectNode body) {
        return (ObjectNode) ((ArrayNode) invoiceOf(body).get("invoice_lines")).get(0);
    }

    @Test
    void validMinimalSalesInvoice_passes() {
        assertThat(validator.validate("postSalesInvoices", minimalInvoice())).isEmpty();
        assertThat(validator.validateRequest("POST", "/sales_invoices", minimalInvoice())).isEmpty();
    }

    @Test
    void misspelledField_failsWithItsPath() {
        ObjectNode body = minimalInvoice();
        invoiceOf(body).put("shiping_net_amount", "5.00");

        List<String> violations = validator.validate("postSalesInvoices", body);

        assertThat(violations).hasSize(1);
        assertThat(violations.get(0)).contains("$.sales_invoice").contains("shiping_net_amount");
    }

    @Test
    void misspelledLineField_failsWithLinePath() {
        ObjectNode body = minimalInvoice();
        firstLine(body).put("taxrate_id", "GB_STANDARD");

        assertThat(validator.validate("postSalesInvoices", body))
                .singleElement().asString().contains("$.sales_invoice.invoice_lines[0]").contains("taxrate_id");
    }

    @Test
    void wrongType_fails() {
        ObjectNode body = minimalInvoice();
        invoiceOf(body).put("vat_reverse_charge", "yes");
        ObjectNode wrongLines = minimalInvoice();
        invoiceOf(wrongLines).put("invoice_lines", "not-an-array");

        assertThat(validator.validate("postSalesInvoices", body))
                .singleElement().asString().contains("vat_reverse_charge");
        assertThat(validator.validate("postSalesInvoices", wrongLines))
                .anySatisfy(v -> assertThat(v).contains("invoice_lines"));
    }

    @Test
    void decimalString_passesWhereNumberExpected_butNonNumericStringFails() {
        ObjectNode asString = minimalInvoice();
        firstLine(asString).put("unit_price", "-12.50");
        ObjectNode asNumber = minimalInvoice();
        firstLine(asNumber).put("unit_price", 12.5);
        ObjectNode garbage = minimalInvoice();
        firstLine(garbage).put("unit_price", "abc");
        ObjectNode exponent = minimalInvoice();
        firstLine(exponent).put("unit_price", "1e3");

        assertThat(validator.validate("postSalesInvoices", asString)).isEmpty();
        assertThat(validator.validate("postSalesInvoices", asNumber)).isEmpty();
        assertThat(validator.validate("postSalesInvoices", garbage))
                .singleElement().asString().contains("$.sales_invoice.invoice_lines[0].unit_price");
        assertThat(validator.validate("postSalesInvoices", exponent)).hasSize(1);
    }

    @Test
    void idempotencyId_isAcceptedInsideTheResourceObject_only() {
        ObjectNode inside = minimalInvoice();
        invoiceOf(inside).put("idempotency_id", "c3a8adaa26daf36e02f3c672b69e3323");
        ObjectNode outside = minimalInvoice();
        outside.put("idempotency_id", "c3a8adaa26daf36e02f3c672b69e3323");

        assertThat(validator.validate("postSalesInvoices", inside)).isEmpty();
        assertThat(validator.validate("postSalesInvoices", outside)).hasSize(1);
    }

    @Test
    void missingRequiredContactId_fails() {
        ObjectNode body = minimalInvoice();
        invoiceOf(body).remove("contact_id");

        assertThat(validator.validate("postSalesInvoices", body))
                .singleElement().asString().contains("contact_id");
    }

    @Test
    void missingRequiredLineDescription_fails() {
        ObjectNode body = minimalInvoice();
        firstLine(body).remove("description");

        assertThat(validator.violations("postSalesInvoices", body))
                .singleElement()
                .satisfies(v -> assertThat(v.path()).isEqualTo("$.sales_invoice.invoice_lines[0].description"));
    }

    @Test
    void maxLength_fromTheResponseSchema_isEnforcedOnBodies() {
        ObjectNode invoice = minimalInvoice();
        invoiceOf(invoice).put("reference", "x".repeat(26));
        ObjectNode okInvoice = minimalInvoice();
        invoiceOf(okInvoice).put("reference", "x".repeat(25));
        JsonNode longContactReference = contact("Jane Doe", "M123456789X");
        JsonNode longContactName = contact("n".repeat(101), "M5");

        assertThat(validator.validate("postSalesInvoices", invoice))
                .singleElement().asString().contains("reference");
        assertThat(validator.validate("postSalesInvoices", okInvoice)).isEmpty();
        assertThat(validator.validate("postContacts", contact("Jane Doe", "M5"))).isEmpty();
        assertThat(validator.validate("postContacts", longContactReference))
                .singleElement().asString().contains("$.contact.reference");
        assertThat(validator.validate("postContacts", longContactName))
                .singleElement().asString().contains("$.contact.name");
    }

    @Test
    void creditNotesAndPayments_validateAgainstTheirOwnDefinitions() {
        ObjectNode payment = JSON.createObjectNode();
        payment.putObject("contact_payment")
                .put("transaction_type_id", "CUSTOMER_RECEIPT")
                .put("contact_id", "c1")
                .put("bank_account_id", "b1")
                .put("date", "2024-06-24")
                .put("total_amount", "120.00")
                .put("reference", "100000123")
                .putArray("allocated_artefacts").addObject().put("artefact_id", "i1").put("amount", "120.00");
        ObjectNode creditNote = JSON.createObjectNode();
        ObjectNode note = creditNote.putObject("sales_credit_note")
                .put("contact_id", "c1")
                .put("date", "2024-06-25")
                .put("original_invoice_date", "2024-06-24");
        note.putArray("credit_note_lines").addObject()
                .put("description", "Widget").put("ledger_account_id", "l1").put("unit_price", "10.00");

        assertThat(validator.validate("postContactPayments", payment)).isEmpty();
        assertThat(validator.validate("postSalesCreditNotes", creditNote)).isEmpty();
        ((ObjectNode) payment.get("contact_payment")).remove("bank_account_id");
        assertThat(validator.validate("postContactPayments", payment))
                .singleElement().asString().contains("bank_account_id");
    }

    @Test
    void bodyDefinition_resolvesFromPaths_andUnknownThingsAreRejected() {
        assertThat(validator.bodyDefinition("POST", "/sales_invoices")).isEqualTo("postSalesInvoices");
        assertThat(validator.bodyDefinition("post", "/contact_payments")).isEqualTo("postContactPayments");
        assertThatThrownBy(() -> validator.validate("postNothing", minimalInvoice()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> validator.validateRequest("POST", "/nowhere", minimalInvoice()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> validator.validateRequest("GET", "/sales_invoices", minimalInvoice()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromPath_andLoad_honourAnExplicitSpecFile(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("spec.json");
        try (InputStream in = getClass().getResourceAsStream(SwaggerBodyValidator.DEFAULT_SPEC_RESOURCE)) {
            Files.copy(in, copy);
        }
        String previous = System.getProperty(SwaggerBodyValidator.SPEC_PROPERTY);
        try {
            System.setProperty(SwaggerBodyValidator.SPEC_PROPERTY, copy.toString());
            SwaggerBodyValidator loaded = SwaggerBodyValidator.load();
            assertThat(loaded).isNotSameAs(SwaggerBodyValidator.fromClasspath());
            assertThat(loaded.validate("postSalesInvoices", minimalInvoice())).isEmpty();
        } finally {
            if (previous == null) {
                System.clearProperty(SwaggerBodyValidator.SPEC_PROPERTY);
            } else {
                System.setProperty(SwaggerBodyValidator.SPEC_PROPERTY, previous);
            }
        }
        assertThat(SwaggerBodyValidator.fromPath(copy).hasDefinition("postContacts")).isTrue();
    }

    private static JsonNode contact(String name, String reference) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode contact = body.putObject("contact").put("name", name).put("reference", reference);
        contact.putArray("contact_type_ids").add("CUSTOMER");
        return body;
    }
}
