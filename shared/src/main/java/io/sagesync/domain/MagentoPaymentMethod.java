package io.sagesync.domain;

/**
 * One payment method installed in the shop ({@code GET /rest/V1/byte8/payment-methods}, wire contract §d).
 *
 * @param code   Magento's method code, the key of the payment-method map
 * @param label  the title shown in Magento; may be null
 * @param active whether it is enabled at store 0
 */
public record MagentoPaymentMethod(String code, String label, boolean active) {
}
