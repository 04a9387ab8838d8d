package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a payment needs to know about a sales invoice already in Sage ({@code GET /sales_invoices/{id}}): whose it is,
 * in which currency and rate, and how much is still owed.
 *
 * @param id                Sage id
 * @param reference         our reference (prefix + increment id), may be null
 * @param contactId         the invoice's contact; a receipt must be posted to the same contact
 * @param currencyId        ISO-4217, may be null when Sage omitted it (base currency)
 * @param exchangeRate      the invoice's rate, may be null
 * @param totalAmount       Sage's total, may be null
 * @param outstandingAmount what is still owed, may be null when Sage omitted it
 * @param baseCurrencyTotalAmount the total in the business's base currency, may be null
 */
public record SageSalesInvoice(String id, String reference, String contactId, String currencyId,
                               BigDecimal exchangeRate, BigDecimal totalAmount, BigDecimal outstandingAmount,
                               BigDecimal baseCurrencyTotalAmount) {
    public SageSalesInvoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contactId, "contactId");
    }

    /** Without the base-currency total. */
    public SageSalesInvoice(String id, String reference, String contactId, String currencyId,
                            BigDecimal exchangeRate, BigDecimal totalAmount, BigDecimal outstandingAmount) {
        this(id, reference, contactId, currencyId, exchangeRate, totalAmount, outstandingAmount, null);
    }
}
