package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A sales invoice as Sage holds it.
 *
 * @param id            Sage id
 * @param reference     our reference (prefix + increment id), may be null
 * @param invoiceNumber Sage's own number (e.g. {@code SI-27}), may be null
 * @param totalAmount   Sage's derived total, may be null when Sage did not return it
 * @param baseCurrencyTotalAmount Sage's total in the business's base currency, may be null
 */
public record PostedInvoice(String id, String reference, String invoiceNumber, BigDecimal totalAmount,
                            BigDecimal baseCurrencyTotalAmount) {
    public PostedInvoice {
        Objects.requireNonNull(id, "id");
    }

    /** Without a base-currency read-back (base-currency invoices, tests). */
    public PostedInvoice(String id, String reference, String invoiceNumber, BigDecimal totalAmount) {
        this(id, reference, invoiceNumber, totalAmount, null);
    }

    /** What the merchant recognises the invoice by: Sage's number, else our reference. */
    public String displayReference() {
        return invoiceNumber != null && !invoiceNumber.isBlank() ? invoiceNumber : reference;
    }
}
