package io.sagesync.domain.magento;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The canonical credit memo from {@code GET /rest/V1/byte8/creditmemo/:id} (wire contract §d). Nullable fields are
 * {@code null} when omitted; omitted money fields are zero.
 *
 * @param magentoId          memo entity id
 * @param incrementId        memo number
 * @param invoiceId          nullable (order-level refunds have no parent invoice)
 * @param invoiceIncrementId nullable
 * @param websiteId          website
 * @param currency           ISO-4217
 * @param customer           buyer
 * @param lines              refunded items (invoice-line shape)
 * @param adjustmentPositive extra refund, non-negative
 * @param adjustmentNegative refund fee, non-negative
 * @param grandTotal         refunded total
 * @param shippingAmount     refunded shipping excl. tax
 * @param shippingTaxAmount  refunded shipping tax
 * @param reason             nullable first non-empty comment
 * @param createdAt          memo creation instant
 * @param invoiceCreatedAt   nullable
 * @param baseToOrderRate    nullable
 */
public record CanonicalCreditMemo(long magentoId, String incrementId, Long invoiceId, String invoiceIncrementId,
                                  long websiteId, String currency, CanonicalContact customer,
                                  List<CanonicalInvoiceLine> lines, BigDecimal adjustmentPositive,
                                  BigDecimal adjustmentNegative, BigDecimal grandTotal, BigDecimal shippingAmount,
                                  BigDecimal shippingTaxAmount, String reason, Instant createdAt,
                                  Instant invoiceCreatedAt, BigDecimal baseToOrderRate) {
    public CanonicalCreditMemo {
        Objects.requireNonNull(incrementId, "increment_id");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(grandTotal, "grand_total");
        Objects.requireNonNull(createdAt, "created_at");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        adjustmentPositive = adjustmentPositive == null ? BigDecimal.ZERO : adjustmentPositive;
        adjustmentNegative = adjustmentNegative == null ? BigDecimal.ZERO : adjustmentNegative;
        shippingAmount = shippingAmount == null ? BigDecimal.ZERO : shippingAmount;
        shippingTaxAmount = shippingTaxAmount == null ? BigDecimal.ZERO : shippingTaxAmount;
    }
}
