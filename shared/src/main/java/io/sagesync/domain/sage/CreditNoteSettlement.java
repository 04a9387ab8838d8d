package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * How a credit note settles (docs/refunds.md "Settlement"): Sage should show what happened to the money.
 * <ol>
 *   <li><b>Allocation.</b> While the original invoice still has something outstanding (unpaid, part-paid, or a
 *       receipt that did not cover it), the credit note is set against it with a {@code contact_allocation} of
 *       {@code min(credit note open, invoice open)}: the customer owes less, no money moves.</li>
 *   <li><b>Refund.</b> If sagesync synced a receipt for the invoice, the money came in through Sage, so whatever is
 *       left on the credit note went back out: a {@code CUSTOMER_REFUND} contact payment from the <i>same</i> bank
 *       account as the receipt, allocated to the credit note.</li>
 *   <li>Otherwise the rest stays open on the credit note (customer credit), for the merchant to use or refund by hand
 *       (sagesync did not see the money, so it does not guess where it went).</li>
 * </ol>
 * Both amounts are read from Sage's outstanding balances at the time of the step, so a retried step never moves more
 * than is open; each step has its own deterministic idempotency id.
 */
public final class CreditNoteSettlement {
    /** Sage's transaction type for money paid back to a customer. */
    public static final String CUSTOMER_REFUND = "CUSTOMER_REFUND";
    /** Failure code when the invoice and the credit note belong to different contacts. */
    public static final String CONTACT_DIFFERS = "credit_note_contact_differs";

    private CreditNoteSettlement() {
    }

    /** The allocation of the credit note against the invoice, or empty when either has nothing open. */
    public static Optional<SageContactAllocationRequest> allocation(SageArtefactBalance creditNote,
                                                                    SageArtefactBalance invoice, LocalDate date,
                                                                    String idempotencyId) {
        if (!creditNote.contactId().equals(invoice.contactId())) {
            throw new MappingException(CONTACT_DIFFERS, "the credit note and its invoice have different contacts");
        }
        BigDecimal amount = money(creditNote.open().min(invoice.open()));
        if (amount.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new SageContactAllocationRequest(creditNote.contactId(), date, invoice.id(),
                creditNote.id(), amount, idempotencyId));
    }

    /**
     * The refund of what is left on the credit note, or empty when nothing is left.
     *
     * @param bankAccountId the bank account the invoice's receipt went into
     * @param baseCurrency  the business's base currency (currency and rate are only sent for foreign documents)
     * @param date          the refund date (the credit note's)
     */
    public static Optional<SageContactPaymentRequest> refund(SageArtefactBalance creditNote, String bankAccountId,
                                                             String baseCurrency, LocalDate date,
                                                             String idempotencyId) {
        BigDecimal amount = money(creditNote.open());
        if (amount.signum() <= 0) {
            return Optional.empty();
        }
        String currency = creditNote.currencyId();
        boolean foreign = currency != null && !currency.equalsIgnoreCase(baseCurrency);
        String reference = creditNote.reference();
        if (reference != null && reference.length() > SageContactPaymentRequest.MAX_REFERENCE) {
            reference = reference.substring(0, SageContactPaymentRequest.MAX_REFERENCE);
        }
        return Optional.of(new SageContactPaymentRequest(CUSTOMER_REFUND, creditNote.contactId(), bankAccountId,
                date, amount, foreign ? currency : null, foreign ? creditNote.exchangeRate() : null, reference,
                List.of(new SageContactPaymentRequest.Allocation(creditNote.id(), amount)), idempotencyId));
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
