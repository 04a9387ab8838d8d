package io.sagesync.simulator.magento;

import static io.sagesync.simulator.magento.CanonicalContacts.putIfPresent;
import static io.sagesync.simulator.magento.CanonicalInvoices.line;

import io.sagesync.simulator.magento.CanonicalContacts.Contact;
import io.sagesync.simulator.magento.CanonicalInvoices.Line;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical credit memos as Magento's {@code GET creditmemo/{id}} renders them (wire contract §d): the invoice-line
 * shape, no order/state/subtotal/discount/address keys, {@code invoice_*} keys omitted for order-level refunds,
 * {@code grand_total = Σ line totals + shipping + shipping tax + adjustment_positive − adjustment_negative}.
 */
public final class CanonicalCreditMemos {

    private CanonicalCreditMemos() {
    }

    /** A builder pre-filled with the §d example (gift wrap and shipping refunded against invoice 42). */
    public static Builder builder(long id) {
        return new Builder(id);
    }

    /** Builds canonical credit-memo JSON; grand_total is derived unless overridden. */
    public static final class Builder {
        private final long id;
        private String incrementId;
        private Long invoiceId = 42L;
        private String invoiceIncrementId = "000000042";
        private String invoiceCreatedAt = "2026-04-30T10:11:12Z";
        private long websiteId = 1;
        private String currency = "GBP";
        private Contact customer = CanonicalContacts.janeSmith(5);
        private List<Line> lines = List.of(line("GIFTWRAP", "Gift wrap", "1.0", "5.0", "1.0", "0.0", "virtual"));
        private BigDecimal adjustmentPositive = BigDecimal.ZERO;
        private BigDecimal adjustmentNegative = BigDecimal.ZERO;
        private BigDecimal shippingAmount = new BigDecimal("10.0");
        private BigDecimal shippingTaxAmount = new BigDecimal("2.0");
        private BigDecimal grandTotalOverride;
        private String reason = "Customer returned gift wrap; shipping refunded";
        private String createdAt = "2026-05-03T08:00:00Z";
        private BigDecimal baseToOrderRate = new BigDecimal("1.0");

        private Builder(long id) {
            this.id = id;
            this.incrementId = String.format("%09d", id);
        }

        /** The invoice refunded; {@code null} for an order-level memo (the invoice keys are then omitted). */
        public Builder invoice(Long id, String incrementId, String createdAt) {
            this.invoiceId = id;
            this.invoiceIncrementId = incrementId;
            this.invoiceCreatedAt = createdAt;
            return this;
        }

        public Builder incrementId(String value) {
            this.incrementId = value;
            return this;
        }

        public Builder websiteId(long value) {
            this.websiteId = value;
            return this;
        }

        public Builder currency(String value) {
            this.currency = value;
            return this;
        }

        public Builder customer(Contact value) {
            this.customer = value;
            return this;
        }

        public Builder lines(List<Line> value) {
            this.lines = List.copyOf(value);
            return this;
        }

        public Builder shipping(String amount, String tax) {
            this.shippingAmount = new BigDecimal(amount);
            this.shippingTaxAmount = new BigDecimal(tax);
            return this;
        }

        /** Extra refund ({@code adjustment_positive}) and refund fee ({@code adjustment_negative}), both ≥ 0. */
        public Builder adjustments(String positive, String negative) {
            this.adjustmentPositive = new BigDecimal(positive);
            this.adjustmentNegative = new BigDecimal(negative);
            return this;
        }

        public Builder grandTotal(String value) {
            this.grandTotalOverride = new BigDecimal(value);
            return this;
        }

        /** Null to omit (no comment on the memo). */
        public Builder reason(String value) {
            this.reason = value;
            return this;
        }

        public Builder createdAt(String value) {
            this.createdAt = value;
            return this;
        }

        public Builder baseToOrderRate(String value) {
            this.baseToOrderRate = value == null ? null : new BigDecimal(value);
            return this;
        }

        /** Canonical JSON exactly as Magento's REST layer would emit it. */
        public String build() {
            BigDecimal total = shippingAmount.add(shippingTaxAmount).add(adjustmentPositive)
                    .subtract(adjustmentNegative);
            List<Map<String, Object>> lineMaps = new ArrayList<>();
            for (Line l : lines) {
                Map<String, Object> m = l.toMap();
                total = total.add((BigDecimal) m.get("line_total"));
                lineMaps.add(m);
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("magento_id", id);
            map.put("increment_id", incrementId);
            putIfPresent(map, "invoice_id", invoiceId);
            putIfPresent(map, "invoice_increment_id", invoiceId == null ? null : invoiceIncrementId);
            map.put("website_id", websiteId);
            map.put("currency", currency);
            map.put("customer", customer.toMap());
            map.put("lines", lineMaps);
            map.put("adjustment_positive", adjustmentPositive);
            map.put("adjustment_negative", adjustmentNegative);
            map.put("grand_total", grandTotalOverride != null ? grandTotalOverride : total);
            map.put("shipping_amount", shippingAmount);
            map.put("shipping_tax_amount", shippingTaxAmount);
            putIfPresent(map, "reason", reason);
            map.put("created_at", createdAt);
            putIfPresent(map, "invoice_created_at", invoiceId == null ? null : invoiceCreatedAt);
            putIfPresent(map, "base_to_order_rate", baseToOrderRate);
            return PhpJson.encode(map);
        }
    }
}
