package io.sagesync.adapter.sage.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagesync.domain.sage.SageArtefactBalance;
import io.sagesync.domain.sage.SageContactAllocationRequest;
import io.sagesync.domain.sage.SageCreditNoteRequest;
import io.sagesync.port.CreditNoteGateway;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageReauthRequiredException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link CreditNoteGateway} over {@link SageHttpClient}; {@link HttpSageGateway} delegates to it. Reference lookups
 * use Sage's loose {@code search} and compare {@code reference} exactly here.
 */
final class HttpCreditNoteCalls implements CreditNoteGateway {
    private final SageHttpClient http;
    private final SageJson json;
    private final SageRefundJson refundJson;

    HttpCreditNoteCalls(SageHttpClient http, SageJson json) {
        this.http = http;
        this.json = json;
        this.refundJson = new SageRefundJson(json);
    }

    @Override
    public SageArtefactBalance createSalesCreditNote(SageCreditNoteRequest request) {
        String body = write(() -> json.mapper().writeValueAsString(refundJson.salesCreditNoteTree(request)));
        SageResponse response = call(() -> http.post("/sales_credit_notes", body, request.idempotencyId() != null));
        return creditNote(json.readTree(response.body()), "/sales_credit_notes");
    }

    @Override
    public Optional<SageArtefactBalance> findSalesCreditNoteByReference(String reference) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("search", reference);
        query.put("attributes", "reference,credit_note_number,total_amount,outstanding_amount,contact,currency,"
                + "exchange_rate,date");
        return call(() -> http.getAllPages("/sales_credit_notes", query)).stream()
                .map(json::readTree)
                .filter(n -> reference.equals(n.path("reference").asText(null)))
                .map(n -> creditNote(n, "/sales_credit_notes"))
                .findFirst();
    }

    @Override
    public SageArtefactBalance findSalesCreditNote(String id) {
        return creditNote(json.readTree(call(() -> http.get("/sales_credit_notes/" + id, Map.of())).body()),
                "/sales_credit_notes/{id}");
    }

    @Override
    public SageArtefactBalance findSalesInvoiceBalance(String id) {
        JsonNode n = json.readTree(call(() -> http.get("/sales_invoices/" + id, Map.of())).body());
        return checked(refundJson.balance(n, "invoice_number"), "/sales_invoices/{id}");
    }

    @Override
    public String createContactAllocation(SageContactAllocationRequest request) {
        String body = write(() -> json.mapper().writeValueAsString(refundJson.contactAllocationTree(request)));
        SageResponse response = call(() -> http.post("/contact_allocations", body, true));
        return requireText(json.readTree(response.body()).path("id"), "POST /contact_allocations", "id");
    }

    @Override
    public String findContactPaymentBankAccount(String paymentId) {
        JsonNode n = json.readTree(call(() -> http.get("/contact_payments/" + paymentId, Map.of())).body());
        return requireText(n.path("bank_account").path("id"), "GET /contact_payments/{id}", "bank_account");
    }

    private SageArtefactBalance creditNote(JsonNode n, String path) {
        return checked(call(() -> refundJson.balance(n, "credit_note_number")), path);
    }

    private static SageArtefactBalance checked(SageArtefactBalance b, String path) {
        if (b.id().isEmpty() || b.contactId().isEmpty()) {
            throw new SageCallException(SageCallException.Kind.HTTP, null,
                    "Sage " + path + " answered without an id or contact", null);
        }
        return b;
    }

    private static String requireText(JsonNode n, String call, String field) {
        String v = n.asText("");
        if (v.isEmpty()) {
            throw new SageCallException(SageCallException.Kind.HTTP, null,
                    "Sage " + call + " answered without " + field, null);
        }
        return v;
    }

    private interface Writer {
        String write() throws com.fasterxml.jackson.core.JsonProcessingException;
    }

    private static String write(Writer w) {
        try {
            return w.write();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an in-memory tree", e);
        }
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (SageReauthRequiredException | io.sagesync.port.InfrastructureException e) {
            throw HttpSageGateway.connectionFailure(e);
        } catch (IllegalArgumentException e) {
            throw new SageCallException(SageCallException.Kind.HTTP, null, "unreadable Sage response", e);
        }
    }
}
