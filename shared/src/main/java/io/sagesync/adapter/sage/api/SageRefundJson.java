package io.sagesync.adapter.sage.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.domain.sage.SageArtefactBalance;
import io.sagesync.domain.sage.SageContactAllocationRequest;
import io.sagesync.domain.sage.SageCreditNoteRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Sage v3.1 JSON for refunds. A credit note is written by {@link SageJson}'s invoice serialiser and re-rooted
 * ({@code sales_invoice} → {@code sales_credit_note}, {@code invoice_lines} → {@code credit_note_lines}) plus
 * {@code original_invoice_date}, so credit-note lines are byte-for-byte what the invoice rules send.
 */
public final class SageRefundJson {
    private final SageJson json;

    public SageRefundJson(SageJson json) {
        this.json = json;
    }

    /** {@code {"sales_credit_note": {...}}} as a tree. */
    public ObjectNode salesCreditNoteTree(SageCreditNoteRequest r) {
        ObjectNode invoice = (ObjectNode) json.salesInvoiceTree(r.document()).get("sales_invoice");
        ObjectNode note = json.mapper().createObjectNode();
        invoice.fields().forEachRemaining(e -> {
            switch (e.getKey()) {
                case "invoice_lines" -> note.set("credit_note_lines", e.getValue());
                case "notes" -> { } // a credit note's notes say what it credits (set below)
                default -> note.set(e.getKey(), e.getValue());
            }
        });
        if (r.originalInvoiceDate() != null) {
            note.put("original_invoice_date", r.originalInvoiceDate().toString());
        }
        if (r.notes() != null) {
            note.put("notes", r.notes());
        }
        ObjectNode root = json.mapper().createObjectNode();
        root.set("sales_credit_note", note);
        return root;
    }

    /** {@code {"contact_allocation": {...}}} as a tree. */
    public ObjectNode contactAllocationTree(SageContactAllocationRequest r) {
        ObjectNode root = json.mapper().createObjectNode();
        ObjectNode o = root.putObject("contact_allocation");
        o.put("transaction_type_id", SageContactAllocationRequest.CUSTOMER_ALLOCATION);
        o.put("contact_id", r.contactId());
        o.put("date", r.date().toString());
        ArrayNode artefacts = o.putArray("allocated_artefacts");
        for (SageContactAllocationRequest.Allocation a : r.artefacts()) {
            artefacts.addObject().put("artefact_id", a.artefactId()).put("amount", SageJson.moneyString(a.amount()));
        }
        o.put("idempotency_id", r.idempotencyId());
        return root;
    }

    /** A sales invoice or credit note as settlement reads it. */
    public SageArtefactBalance balance(JsonNode n, String numberField) {
        return new SageArtefactBalance(n.path("id").asText(), text(n, "reference"), text(n, numberField),
                n.path("contact").path("id").asText(""), n.path("currency").path("id").asText(null),
                decimal(n, "exchange_rate"), decimal(n, "total_amount"), decimal(n, "outstanding_amount"),
                date(n, "date"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        String v = text(n, field);
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Sage answered with a non-numeric " + field, e);
        }
    }

    private static LocalDate date(JsonNode n, String field) {
        String v = text(n, field);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Sage answered with an unreadable " + field, e);
        }
    }
}
