package io.sagesync.simulator.magento;

import static io.sagesync.simulator.magento.CanonicalContacts.putIfPresent;

import io.sagesync.simulator.magento.CanonicalContacts.Address;
import io.sagesync.simulator.magento.CanonicalContacts.Contact;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic canonical invoices as Magento's {@code GET invoice/{id}} renders them (wire contract §d): top-level key
 * order as the interface declares, nullable keys omitted, money as PHP floats ({@code 100.0}).
 */
public final class CanonicalInvoices {

    private CanonicalInvoices() {
    }

    /**
     * One invoice item. Derived like InvoiceRepository: subtotal = qty x unit, total = subtotal + tax - discount,
     * tax_rate = round(tax / subtotal, 4) only when both are positive. The discount is not emitted by itself.
     */
    public record Line(String sku, String name, BigDecimal qty, BigDecimal unitPrice, BigDecimal lineTax,
                       BigDecimal discount, String productType) {

        BigDecimal subtotal() {
            return qty.multiply(unitPrice);
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("sku", sku);
            map.put("name", name);
            map.put("qty", qty);
            map.put("unit_price", unitPrice);
            map.put("line_subtotal", subtotal());
            map.put("line_tax", lineTax);
            map.put("line_total", subtotal().add(lineTax).subtract(discount));
            if (subtotal().signum() > 0 && lineTax.signum() > 0) {
                map.put("tax_rate", lineTax.divide(subtotal(), 4, RoundingMode.HALF_UP));
            }
            map.put("product_type", productType);
            return map;
        }
    }

    /** Convenience line factory taking plain decimal strings. */
    public static Line line(String sku, String name, String qty, String unitPrice, String tax, String discount,
                            String productType) {
        return new Line(sku, name, new BigDecimal(qty), new BigDecimal(unitPrice), new BigDecimal(tax),
                new BigDecimal(discount), productType);
    }

    /**
     * The §d example: GBP store, registered customer Jane Smith (id 5), configurable parent + zero-priced child +
     * virtual gift wrap, 10.00 discount on the first line, shipping 10 + 2 VAT, paid by card, grand total 126.0.
     */
    public static String gbpRegistered(long id) {
        return builder(id).build();
    }

    /**
     * A guest EUR order on a GBP base store: synthetic contact (magento_id 0, website_id 0, no group_id,
     * timestamps = order timestamps), base_to_order_rate 1.17, zero-rated export lines without tax_rate.
     */
    public static String eurGuest(long id) {
        Address billing = new Address("billing", List.of("Friedrichstrasse 10"), "Berlin", null, "10117", "DE",
                "+49 30 1234567");
        Contact guest = new Contact(0, "max.mustermann@example.de", "Max", "Mustermann", null, "+49 30 1234567", 0,
                null, List.of(billing, billing.as("shipping")), "2026-05-02T13:58:40Z", "2026-05-02T13:58:40Z");
        return builder(id)
                .websiteId(1).storeId(2).currency("EUR").state("open").customer(guest)
                .lines(List.of(
                        line("24-MB01", "Joust Duffle Bag", "1.0", "39.78", "0.0", "0.0", "simple"),
                        line("24-UG06", "Affirm Water Bottle", "2.0", "8.19", "0.0", "0.0", "simple")))
                .shipping("11.7", "0.0").discount("0.0")
                .createdAt("2026-05-02T14:00:05Z").paymentMethod("checkmo")
                .billingAddress(billing).shippingAddress(billing.as("shipping"))
                .baseToOrderRate("1.17")
                .build();
    }

    /** A builder pre-filled with the §d GBP example; override what a test needs. */
    public static Builder builder(long id) {
        return new Builder(id);
    }

    /** Builds canonical invoice JSON; header totals are derived from the lines unless overridden. */
    public static final class Builder {
        private final long id;
        private String incrementId;
        private long orderId;
        private String orderIncrementId;
        private long websiteId = 1;
        private long storeId = 1;
        private String currency = "GBP";
        private String state = "paid";
        private Contact customer = CanonicalContacts.janeSmith(5);
        private List<Line> lines = List.of(
                line("MJ01-M-Red", "Beaumont Summit Kit", "2.0", "50.0", "18.0", "10.0", "configurable"),
                line("MJ01-M-Red", "Beaumont Summit Kit-M-Red", "2.0", "0.0", "0.0", "0.0", "simple"),
                line("GIFTWRAP", "Gift wrap", "1.0", "5.0", "1.0", "0.0", "virtual"));
        private BigDecimal shippingAmount = new BigDecimal("10.0");
        private BigDecimal shippingTaxAmount = new BigDecimal("2.0");
        private BigDecimal discountAmount = new BigDecimal("-10.0");
        private BigDecimal grandTotalOverride;
        private String createdAt = "2026-04-30T10:11:12Z";
        private String paymentMethod = "stripe_payments";
        private String poNumber;
        private Address billingAddress = CanonicalContacts.londonBilling();
        private Address shippingAddress = CanonicalContacts.londonBilling().as("shipping");
        private BigDecimal baseToOrderRate = new BigDecimal("1.0");

        private Builder(long id) {
            this.id = id;
            this.incrementId = String.format("%09d", id);
            this.orderId = id + 15;
            this.orderIncrementId = String.format("%09d", id + 15);
        }

        public Builder incrementId(String value) {
            this.incrementId = value;
            return this;
        }

        public Builder order(long orderEntityId, String orderIncrement) {
            this.orderId = orderEntityId;
            this.orderIncrementId = orderIncrement;
            return this;
        }

        public Builder websiteId(long value) {
            this.websiteId = value;
            return this;
        }

        public Builder storeId(long value) {
            this.storeId = value;
            return this;
        }

        public Builder currency(String value) {
            this.currency = value;
            return this;
        }

        /** {@code open}, {@code paid} or {@code cancelled}. */
        public Builder state(String value) {
            this.state = value;
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

        /** Header discount; Magento stores it as a negative number. */
        public Builder discount(String value) {
            this.discountAmount = new BigDecimal(value);
            return this;
        }

        /** Forces grand_total instead of deriving it (e.g. gift-card or store-credit orders). */
        public Builder grandTotal(String value) {
            this.grandTotalOverride = new BigDecimal(value);
            return this;
        }

        public Builder createdAt(String value) {
            this.createdAt = value;
            return this;
        }

        public Builder paymentMethod(String value) {
            this.paymentMethod = value;
            return this;
        }

        public Builder poNumber(String value) {
            this.poNumber = value;
            return this;
        }

        public Builder billingAddress(Address value) {
            this.billingAddress = value;
            return this;
        }

        /** Null for virtual orders (the key is then omitted). */
        public Builder shippingAddress(Address value) {
            this.shippingAddress = value;
            return this;
        }

        /** Null to omit the key. */
        public Builder baseToOrderRate(String value) {
            this.baseToOrderRate = value == null ? null : new BigDecimal(value);
            return this;
        }

        /** Canonical JSON exactly as Magento's REST layer would emit it. */
        public String build() {
            BigDecimal subtotal = BigDecimal.ZERO;
            BigDecimal lineTax = BigDecimal.ZERO;
            List<Map<String, Object>> lineMaps = new ArrayList<>();
            for (Line line : lines) {
                subtotal = subtotal.add(line.subtotal());
                lineTax = lineTax.add(line.lineTax());
                lineMaps.add(line.toMap());
            }
            BigDecimal taxAmount = lineTax.add(shippingTaxAmount);
            BigDecimal grandTotal = grandTotalOverride != null ? grandTotalOverride
                    : subtotal.add(taxAmount).add(shippingAmount).add(discountAmount);
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("magento_id", id);
            map.put("increment_id", incrementId);
            map.put("order_id", orderId);
            map.put("order_increment_id", orderIncrementId);
            map.put("website_id", websiteId);
            map.put("store_id", storeId);
            map.put("currency", currency);
            map.put("state", state);
            map.put("customer", customer.toMap());
            map.put("lines", lineMaps);
            map.put("subtotal", subtotal);
            map.put("tax_amount", taxAmount);
            map.put("shipping_amount", shippingAmount);
            map.put("shipping_tax_amount", shippingTaxAmount);
            map.put("discount_amount", discountAmount);
            map.put("grand_total", grandTotal);
            map.put("created_at", createdAt);
            putIfPresent(map, "payment_method", paymentMethod);
            putIfPresent(map, "po_number", poNumber);
            putIfPresent(map, "billing_address", billingAddress == null ? null : billingAddress.toMap());
            putIfPresent(map, "shipping_address", shippingAddress == null ? null : shippingAddress.toMap());
            putIfPresent(map, "base_to_order_rate", baseToOrderRate);
            return PhpJson.encode(map);
        }
    }
}
