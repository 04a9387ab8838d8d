package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One {@code invoice_lines[]} entry. Amounts are in the invoice currency with 2 decimals.
 *
 * @param description           plain text (HTML entities decoded)
 * @param ledgerAccountId       sales ledger account
 * @param quantity              quantity
 * @param unitPrice             net unit price, 2 dp
 * @param discountAmount        nullable row discount, 2 dp
 * @param taxRateId             Sage tax rate id
 * @param taxAmount             row tax exactly as Magento charged it (sent on every line, quirk §7)
 * @param euGoodsServicesTypeId nullable; GOODS or SERVICES on cross-border invoices
 * @param productId             nullable; the synced Sage product of the line's SKU ({@link CatalogLinks})
 * @param serviceId             nullable; the synced Sage service of the line's SKU
 */
public record SageInvoiceLine(String description, String ledgerAccountId, BigDecimal quantity, BigDecimal unitPrice,
                              BigDecimal discountAmount, String taxRateId, BigDecimal taxAmount,
                              String euGoodsServicesTypeId, String productId, String serviceId) {

    /** A line naming no catalogue item. */
    public SageInvoiceLine(String description, String ledgerAccountId, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal discountAmount, String taxRateId, BigDecimal taxAmount,
                           String euGoodsServicesTypeId) {
        this(description, ledgerAccountId, quantity, unitPrice, discountAmount, taxRateId, taxAmount,
                euGoodsServicesTypeId, null, null);
    }

    public SageInvoiceLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(ledgerAccountId, "ledger_account_id");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unit_price");
        Objects.requireNonNull(taxRateId, "tax_rate_id");
        Objects.requireNonNull(taxAmount, "tax_amount");
    }

    /** Net as Sage derives it: {@code quantity × unit_price − discount}, rounded half-up to 2 dp. */
    public BigDecimal netAmount() {
        BigDecimal gross = quantity.multiply(unitPrice);
        BigDecimal net = discountAmount == null ? gross : gross.subtract(discountAmount);
        return net.setScale(2, RoundingMode.HALF_UP);
    }

    public SageInvoiceLine withDiscount(BigDecimal discount) {
        return new SageInvoiceLine(description, ledgerAccountId, quantity, unitPrice, discount, taxRateId, taxAmount,
                euGoodsServicesTypeId, productId, serviceId);
    }

    public SageInvoiceLine withEuType(String type) {
        return new SageInvoiceLine(description, ledgerAccountId, quantity, unitPrice, discountAmount, taxRateId,
                taxAmount, type, productId, serviceId);
    }

    /** The same line naming the synced catalogue item ({@code product_id} or {@code service_id}). */
    public SageInvoiceLine withCatalogItem(CatalogLinks.Link link) {
        return new SageInvoiceLine(description, ledgerAccountId, quantity, unitPrice, discountAmount, taxRateId,
                taxAmount, euGoodsServicesTypeId, link.kind().isService() ? null : link.sageId(),
                link.kind().isService() ? link.sageId() : null);
    }
}
