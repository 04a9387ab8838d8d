package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One Sage invoice line in the making: a Magento item or the shipping charge. Amounts are 2 dp; {@code discount} is
 * the net discount Sage will subtract ({@code quantity × unit_price − discount = net}); {@code tax} is exactly what
 * Magento charged and never changes.
 */
final class InvoiceRow {
    final String description;
    final String ledgerAccountId;
    final BigDecimal quantity;
    final BigDecimal unitPrice;
    final BigDecimal tax;
    final String productType;
    final boolean shipping;
    BigDecimal discount;
    /** The Magento SKU of an item row (null for shipping): what {@link CatalogLinks} looks the Sage item up by. */
    String sku;

    InvoiceRow(String description, String ledgerAccountId, BigDecimal quantity, BigDecimal unitPrice,
               BigDecimal discount, BigDecimal tax, String productType, boolean shipping) {
        this.description = description;
        this.ledgerAccountId = ledgerAccountId;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.discount = discount;
        this.tax = tax;
        this.productType = productType;
        this.shipping = shipping;
    }

    /** {@code quantity × unit_price}, 2 dp. */
    BigDecimal gross() {
        return money(quantity.multiply(unitPrice));
    }

    /** What Sage derives: gross − discount. */
    BigDecimal net() {
        return gross().subtract(discount);
    }

    static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
