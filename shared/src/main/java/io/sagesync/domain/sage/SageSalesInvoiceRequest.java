package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Body of {@code POST /sales_invoices} (sent as {@code {"sales_invoice": {...}}}). Nullable fields are omitted.
 *
 * @param contactId          Sage contact id
 * @param date               invoice date (UTC date of Magento's created_at)
 * @param dueDate            nullable; left to Sage (contact credit days / business default)
 * @param reference          ≤ 25 characters: prefix + Magento increment id
 * @param notes              nullable internal notes
 * @param currencyId         ISO-4217 invoice currency
 * @param exchangeRate       nullable; base per foreign unit, 10 dp; only for non-base currencies
 * @param mainAddress        billing address (always sent)
 * @param deliveryAddress    shipping address (always sent, else Sage copies billing)
 * @param invoiceLines       at least one line
 * @param shippingNetAmount  nullable shipping net (omitted when there is no shipping charge)
 * @param shippingTaxRateId  nullable shipping tax rate
 * @param shippingTaxAmount  nullable shipping tax (Sage recomputes it from rate × net)
 * @param idempotencyId      nullable 32-hex Sage idempotency id
 * @param destinationConsignment true for a destination-VAT (OSS) supply: the lines carry the buyer's country's
 *                           rates ({@code destination_consignment}, only allowed with destination VAT on)
 */
public record SageSalesInvoiceRequest(String contactId, LocalDate date, LocalDate dueDate, String reference,
                                      String notes, String currencyId, BigDecimal exchangeRate,
                                      SageAddress mainAddress, SageAddress deliveryAddress,
                                      List<SageInvoiceLine> invoiceLines, BigDecimal shippingNetAmount,
                                      String shippingTaxRateId, BigDecimal shippingTaxAmount,
                                      String idempotencyId, boolean destinationConsignment) {
    public SageSalesInvoiceRequest {
        Objects.requireNonNull(contactId, "contact_id");
        Objects.requireNonNull(date, "date");
        invoiceLines = List.copyOf(invoiceLines);
        if (reference != null && reference.length() > 25) {
            throw new IllegalArgumentException("Sage invoice reference is limited to 25 characters");
        }
    }

    /** A home-VAT document (no destination consignment). */
    public SageSalesInvoiceRequest(String contactId, LocalDate date, LocalDate dueDate, String reference,
                                   String notes, String currencyId, BigDecimal exchangeRate,
                                   SageAddress mainAddress, SageAddress deliveryAddress,
                                   List<SageInvoiceLine> invoiceLines, BigDecimal shippingNetAmount,
                                   String shippingTaxRateId, BigDecimal shippingTaxAmount, String idempotencyId) {
        this(contactId, date, dueDate, reference, notes, currencyId, exchangeRate, mainAddress, deliveryAddress,
                invoiceLines, shippingNetAmount, shippingTaxRateId, shippingTaxAmount, idempotencyId, false);
    }
}
