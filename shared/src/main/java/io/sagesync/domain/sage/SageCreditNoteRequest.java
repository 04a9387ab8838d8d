package io.sagesync.domain.sage;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Body of {@code POST /sales_credit_notes} (sent as {@code {"sales_credit_note": {...}}}). Sage's credit note has the
 * invoice's header and line shape ({@code credit_note_lines} instead of {@code invoice_lines}) plus
 * {@code original_invoice_date}, so the document is held as a {@link SageSalesInvoiceRequest} built by the invoice
 * rules: one line shape, one serialiser, no second copy of the mapping to drift apart.
 *
 * @param document            header and lines, exactly as the invoice rules produce them for the memo (its
 *                            {@code notes} are replaced by {@code notes} below)
 * @param originalInvoiceDate nullable; the date of the invoice being credited
 * @param notes               nullable; {@code Credit for invoice … — reason}, at most {@value #MAX_NOTES} characters
 */
public record SageCreditNoteRequest(SageSalesInvoiceRequest document, LocalDate originalInvoiceDate,
                                    String notes) {
    /** Sage's limit on {@code notes}. */
    public static final int MAX_NOTES = 2000;

    public SageCreditNoteRequest {
        Objects.requireNonNull(document, "document");
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new IllegalArgumentException("credit note notes longer than " + MAX_NOTES);
        }
    }

    public String reference() {
        return document.reference();
    }

    public String idempotencyId() {
        return document.idempotencyId();
    }
}
