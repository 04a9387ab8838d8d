package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * {@code POST /contact_allocations} body (Sage API notes §5.5): a credit note set against an invoice of the same
 * contact. For customers the invoice's amount is positive and the credit note's negative; they sum to zero.
 *
 * @param contactId     the contact both artefacts belong to
 * @param date          allocation date
 * @param invoiceId     Sage invoice id
 * @param creditNoteId  Sage credit note id
 * @param amount        positive amount set off (at most what either still has outstanding)
 * @param idempotencyId Sage idempotency id, 32 hex
 */
public record SageContactAllocationRequest(String contactId, LocalDate date, String invoiceId, String creditNoteId,
                                           BigDecimal amount, String idempotencyId) {
    /** Sage's transaction type for allocations between sales artefacts. */
    public static final String CUSTOMER_ALLOCATION = "CUSTOMER_ALLOCATION";

    public SageContactAllocationRequest {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(creditNoteId, "creditNoteId");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("an allocation moves a positive amount");
        }
    }

    /** The artefacts as Sage wants them: invoice +amount, credit note −amount. */
    public List<Allocation> artefacts() {
        return List.of(new Allocation(invoiceId, amount), new Allocation(creditNoteId, amount.negate()));
    }

    /** One allocated artefact with its signed amount. */
    public record Allocation(String artefactId, BigDecimal amount) {
    }
}
