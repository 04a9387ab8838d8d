package io.sagesync.domain.magento;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Magento's canonical payment of one invoice ({@code GET /rest/V1/byte8/payment/{invoiceId}}, wire contract §d).
 * {@code gateway_metadata} is deliberately absent: Magento re-indexes it into a key-less list, so nothing can rely
 * on it.
 *
 * @param invoiceId   the invoice entity id the payment belongs to
 * @param incrementId the invoice increment id, may be null
 * @param method      the order's payment method code, e.g. {@code checkmo}
 * @param currency    ISO-4217 order currency
 * @param amount      the amount paid (the invoice grand total), never negative
 * @param capturedAt  when it was captured (the invoice's creation time); null when Magento omitted it
 */
public record CanonicalPayment(long invoiceId, String incrementId, String method, String currency, BigDecimal amount,
                               Instant capturedAt) {
    public CanonicalPayment {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a payment amount cannot be negative");
        }
    }
}
