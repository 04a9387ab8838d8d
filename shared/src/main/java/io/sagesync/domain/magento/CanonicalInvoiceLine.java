package io.sagesync.domain.magento;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One Magento invoice item, child rows of configurable/bundle products included (wire contract §d). Money is in the
 * invoice (order) currency.
 *
 * @param sku          SKU, required
 * @param name         product name as Magento stored it (may contain HTML entities)
 * @param qty          quantity invoiced
 * @param unitPrice    item price excl. tax
 * @param lineSubtotal row total excl. tax, before discount
 * @param lineTax      row tax
 * @param lineTotal    row total + tax − item discount
 * @param taxRate      {@code round(tax / row_total, 4)} ratio (e.g. 0.2); nullable (omitted when tax or row is 0);
 *                     distorted when tax is applied after discount, so the mapper never trusts it
 * @param productType  Magento type code; nullable
 */
public record CanonicalInvoiceLine(String sku, String name, BigDecimal qty, BigDecimal unitPrice,
                                   BigDecimal lineSubtotal, BigDecimal lineTax, BigDecimal lineTotal,
                                   BigDecimal taxRate, String productType) {
    public CanonicalInvoiceLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(unitPrice, "unit_price");
        Objects.requireNonNull(lineSubtotal, "line_subtotal");
        Objects.requireNonNull(lineTax, "line_tax");
        Objects.requireNonNull(lineTotal, "line_total");
    }

    /** The item discount Magento folded into line_total: {@code subtotal + tax − total}. */
    public BigDecimal derivedDiscount() {
        return lineSubtotal.add(lineTax).subtract(lineTotal);
    }

    /** A zero-priced, zero-total row (typically the child of a configurable or bundle). */
    public boolean isZeroValue() {
        return unitPrice.signum() == 0 && lineTotal.signum() == 0;
    }
}
