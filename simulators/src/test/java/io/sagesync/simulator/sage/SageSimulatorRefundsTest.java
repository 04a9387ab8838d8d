package io.sagesync.simulator.sage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credit notes, contact allocations and customer refunds with Sage's outstanding-amount semantics (issue 11 "What
 * must be shown"): allocations sum to zero within one contact, nothing settles more than is outstanding, receipts pay
 * invoices and refunds pay out credit notes, and every body is checked against the Swagger.
 */
class SageSimulatorRefundsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private SageSimulator sage;
    private String token;
    private String contact;

    private record Resp(int status, JsonNode body) {
    }

    @BeforeEach
    void start() throws Exception {
        sage = SageSimulator.builder().clock(new AdjustableClock(Instant.parse("2026-05-03T10:00:00Z"))).seed(11)
                .start();
        token = sage.issueTokens().accessToken();
        contact = contact("M5");
    }

    @AfterEach
    void stop() {
        sage.close();
    }

    @Test
    void allocation_setsTheCreditNoteAgainstTheInvoice_neverBeyondWhatIsOutstanding() throws Exception {
        String invoice = artefact("sales_invoices", "sales_invoice", "invoice_lines", contact, "100.00"); // 120.00
        String note = artefact("sales_credit_notes", "sales_credit_note", "credit_note_lines", contact, "25.00");

        Resp over = post("/contact_allocations", allocation(contact, invoice, "31.00", note, "-31.00"));
        Resp unbalanced = post("/contact_allocations", allocation(contact, invoice, "30.00", note, "-25.00"));
        Resp wrongSigns = post("/contact_allocations", allocation(contact, invoice, "-30.00", note, "30.00"));
        Resp ok = post("/contact_allocations", allocation(contact, invoice, "30.00", note, "-30.00"));
        Resp again = post("/contact_allocations", allocation(contact, invoice, "1.00", note, "-1.00"));

        assertThat(over.status()).isEqualTo(422);
        assertThat(over.body().get(0).get("$message").asText()).contains("outstanding");
        assertThat(unbalanced.status()).isEqualTo(422);
        assertThat(wrongSigns.status()).isEqualTo(422);
        assertThat(ok.status()).as(String.valueOf(ok.body())).isEqualTo(201);
        assertThat(again.status()).as("a settled credit note has nothing left").isEqualTo(422);
        assertOutstanding("/sales_invoices/" + invoice, "90.00", "PART_PAID");
        assertOutstanding("/sales_credit_notes/" + note, "0.00", "PAID");
        assertThat(get("/contact_allocations/" + ok.body().get("id").asText()).path("allocated_artefacts"))
                .hasSize(2);
        assertThat(sage.validationFailures()).isEmpty();
    }

    @Test
    void allocation_acrossContacts_isRefused() throws Exception {
        String other = contact("M6");
        String invoice = artefact("sales_invoices", "sales_invoice", "invoice_lines", other, "100.00");
        String note = artefact("sales_credit_notes", "sales_credit_note", "credit_note_lines", contact, "25.00");

        Resp r = post("/contact_allocations", allocation(contact, invoice, "30.00", note, "-30.00"));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get(0).get("$message").asText()).contains("same contact");
        assertOutstanding("/sales_credit_notes/" + note, "30.00", "UNPAID");
    }

    @Test
    void customerRefund_paysOutACreditNote_onlyWhatIsOutstanding_andNeverAnInvoice() throws Exception {
        String invoice = artefact("sales_invoices", "sales_invoice", "invoice_lines", contact, "100.00");
        String note = artefact("sales_credit_notes", "sales_credit_note", "credit_note_lines", contact, "25.00");
        String bank = sage.bankAccountId("GBP");

        Resp toInvoice = post("/contact_payments", payment("CUSTOMER_REFUND", bank, invoice, "30.00"));
        Resp receiptToNote = post("/contact_payments", payment("CUSTOMER_RECEIPT", bank, note, "30.00"));
        Resp over = post("/contact_payments", payment("CUSTOMER_REFUND", bank, note, "30.01"));
        Resp ok = post("/contact_payments", payment("CUSTOMER_REFUND", bank, note, "30.00"));
        Resp twice = post("/contact_payments", payment("CUSTOMER_REFUND", bank, note, "30.00"));

        assertThat(toInvoice.status()).isEqualTo(422);
        assertThat(receiptToNote.status()).isEqualTo(422);
        assertThat(over.status()).isEqualTo(422);
        assertThat(ok.status()).as(String.valueOf(ok.body())).isEqualTo(201);
        assertThat(ok.body().path("transaction_type").path("id").asText()).isEqualTo("CUSTOMER_REFUND");
        assertThat(twice.status()).isEqualTo(422);
        assertOutstanding("/sales_credit_notes/" + note, "0.00", "PAID");
        assertOutstanding("/sales_invoices/" + invoice, "120.00", "UNPAID");
        assertThat(sage.validationFailures()).isEmpty();
    }

    @Test
    void allocationBody_isCheckedAgainstTheSwagger() throws Exception {
        String invoice = artefact("sales_invoices", "sales_invoice", "invoice_lines", contact, "100.00");
        String note = artefact("sales_credit_notes", "sales_credit_note", "credit_note_lines", contact, "25.00");
        ObjectNode body = allocation(contact, invoice, "30.00", note, "-30.00");
        ((ObjectNode) body.get("contact_allocation")).remove("transaction_type_id");
        ((ObjectNode) body.get("contact_allocation")).put("allocation_kind", "customer");

        Resp r = post("/contact_allocations", body);

        assertThat(r.status()).isEqualTo(422);
        assertThat(sage.validationFailures()).anySatisfy(f -> assertThat(f).startsWith("POST /contact_allocations"));
        assertOutstanding("/sales_credit_notes/" + note, "30.00", "UNPAID");
    }

    private void assertOutstanding(String path, String outstanding, String status) throws Exception {
        JsonNode artefact = get(path);
        assertThat(artefact.path("outstanding_amount").decimalValue()).as(path).isEqualByComparingTo(outstanding);
        assertThat(artefact.path("status").path("id").asText()).as(path).isEqualTo(status);
    }

    private ObjectNode payment(String type, String bank, String artefact, String amount) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode p = body.putObject("contact_payment").put("transaction_type_id", type).put("contact_id", contact)
                .put("bank_account_id", bank).put("date", "2026-05-03").put("total_amount", amount);
        p.putArray("allocated_artefacts").addObject().put("artefact_id", artefact).put("amount", amount);
        return body;
    }

    private String contact(String reference) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode c = body.putObject("contact").put("name", "Jane " + reference).put("reference", reference);
        c.putArray("contact_type_ids").add("CUSTOMER");
        c.putObject("main_address").put("address_line_1", "1 High St").put("country_id", "GB");
        return post("/contacts", body).body().get("id").asText();
    }

    /** A one-line standard-rated document of {@code net} + 20 % VAT. */
    private String artefact(String path, String root, String linesKey, String contactId, String net)
            throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode doc = body.putObject(root).put("contact_id", contactId).put("date", "2026-05-03");
        java.math.BigDecimal tax = new java.math.BigDecimal(net).multiply(new java.math.BigDecimal("0.2"))
                .setScale(2, java.math.RoundingMode.HALF_UP);
        doc.putArray(linesKey).addObject().put("description", "Item")
                .put("ledger_account_id", sage.ledgerAccountId("4000")).put("quantity", "1").put("unit_price", net)
                .put("tax_rate_id", "GB_STANDARD").put("tax_amount", tax.toPlainString());
        Resp r = post("/" + path, body);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body().get("id").asText();
    }

    private static ObjectNode allocation(String contactId, String invoice, String invoiceAmount, String note,
                                         String noteAmount) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode a = body.putObject("contact_allocation").put("transaction_type_id", "CUSTOMER_ALLOCATION")
                .put("contact_id", contactId).put("date", "2026-05-03");
        ArrayNode artefacts = a.putArray("allocated_artefacts");
        artefacts.addObject().put("artefact_id", invoice).put("amount", invoiceAmount);
        artefacts.addObject().put("artefact_id", note).put("amount", noteAmount);
        return body;
    }

    private Resp post(String path, JsonNode body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sage.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Resp(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sage.baseUrl() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
