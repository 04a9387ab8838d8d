package io.sagesync.domain.magento;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The canonical invoice fetched from {@code GET /rest/V1/byte8/invoice/:id} (wire contract §d). Money is in the
 * invoice currency. Nullable fields are {@code null} when Magento omitted the key; header money fields that Magento
 * omitted are zero.
 *
 * @param magentoId          invoice entity id
 * @param incrementId        invoice number, e.g. {@code 000000042}
 * @param orderId            nullable
 * @param orderIncrementId   nullable
 * @param websiteId          website
 * @param storeId            store view
 * @param currency           ISO-4217 order currency
 * @param state              open / paid / cancelled
 * @param customer           the buyer (synthetic contact with id 0 for guests)
 * @param lines              invoice items including child rows
 * @param subtotal           excl. tax
 * @param taxAmount          total tax incl. shipping tax
 * @param shippingAmount     shipping excl. tax
 * @param shippingTaxAmount  shipping tax
 * @param discountAmount     header discount, negative in Magento (e.g. −10.00)
 * @param grandTotal         what the buyer paid
 * @param createdAt          invoice creation instant (UTC)
 * @param paymentMethod      nullable payment method code
 * @param poNumber           nullable purchase-order number
 * @param billingAddress     nullable
 * @param shippingAddress    nullable (virtual orders have none)
 * @param baseToOrderRate    nullable; order amount = base amount × rate
 */
public record CanonicalInvoice(long magentoId, String incrementId, Long orderId, String orderIncrementId,
                               long websiteId, long storeId, String currency, InvoiceState state,
                               CanonicalContact customer, List<CanonicalInvoiceLine> lines, BigDecimal subtotal,
                               BigDecimal taxAmount, BigDecimal shippingAmount, BigDecimal shippingTaxAmount,
                               BigDecimal discountAmount, BigDecimal grandTotal, Instant createdAt,
                               String paymentMethod, String poNumber, CanonicalAddress billingAddress,
                               CanonicalAddress shippingAddress, BigDecimal baseToOrderRate) {
    public CanonicalInvoice {
        Objects.requireNonNull(incrementId, "increment_id");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(grandTotal, "grand_total");
        Objects.requireNonNull(createdAt, "created_at");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        subtotal = zeroIfNull(subtotal);
        taxAmount = zeroIfNull(taxAmount);
        shippingAmount = zeroIfNull(shippingAmount);
        shippingTaxAmount = zeroIfNull(shippingTaxAmount);
        discountAmount = zeroIfNull(discountAmount);
    }

    private static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** The invoice's billing address, else the customer's billing address. */
    public Optional<CanonicalAddress> effectiveBillingAddress() {
        return Optional.ofNullable(billingAddress).or(customer::billingAddress);
    }

    /** The invoice's shipping address, else the customer's shipping address. */
    public Optional<CanonicalAddress> effectiveShippingAddress() {
        return Optional.ofNullable(shippingAddress).or(customer::shippingAddress);
    }
}
