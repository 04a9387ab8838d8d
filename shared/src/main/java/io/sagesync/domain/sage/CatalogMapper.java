package io.sagesync.domain.sage;

import io.sagesync.domain.magento.CanonicalProduct;
import io.sagesync.domain.policy.SyncPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Canonical product → Sage catalogue item and stock movement (§g). The kind: {@code virtual}/{@code downloadable} →
 * service; {@code simple} → stock item when {@code sync_stock} is on and Magento manages its stock, else product; an
 * item already in Sage keeps its kind. Description = the name, HTML-decoded (quirk §22), cut to 255; item code = the
 * SKU; sales/purchase ledger accounts and the sales tax rate from the policy; only {@code price} is sent, in the base
 * currency, excluding tax (Magento's catalogue default), to the business's first price band.
 */
public final class CatalogMapper {
    private CatalogMapper() {
    }

    /** The kind a product should be created as under {@code policy}. */
    public static CatalogItemKind kindFor(CanonicalProduct product, SyncPolicy policy) {
        return switch (product.productType()) {
            case "virtual", "downloadable" -> CatalogItemKind.SERVICE;
            default -> policy.syncStock() && product.manageStock() ? CatalogItemKind.STOCK_ITEM
                    : CatalogItemKind.PRODUCT;
        };
    }

    /**
     * The Sage body for {@code product}.
     *
     * @param kind     the kind to send (see {@link #kindFor}; an existing item's kind wins)
     * @param policy   the completed policy (ledger accounts and tax rate filled in)
     * @param types    the business's price bands
     * @param warnings collects what had to be changed to fit Sage
     * @throws MappingException when the policy lacks an account or the SKU cannot be a stock item code
     */
    public static SageCatalogItem map(CanonicalProduct product, CatalogItemKind kind, SyncPolicy policy,
                                      CatalogPriceTypes types, Set<MappingWarning> warnings) {
        if (policy.defaultLedgerAccountId() == null) {
            throw new MappingException("ledger_account_not_configured", "default_ledger_account_id is not set");
        }
        String purchase = policy.defaultPurchaseLedgerAccountId();
        if (purchase == null && kind != CatalogItemKind.SERVICE) {
            throw new MappingException("purchase_ledger_account_not_configured",
                    "default_purchase_ledger_account_id is required to sync products");
        }
        String code = product.sku().strip();
        if (kind == CatalogItemKind.STOCK_ITEM && code.length() > SageCatalogItem.STOCK_ITEM_CODE_MAX) {
            throw new MappingException("stock_item_code_too_long",
                    "Sage limits a stock item's code to 30 characters; the SKU is longer");
        }
        String description = HtmlText.toPlainText(product.name()).strip();
        if (description.isEmpty()) {
            description = code;
        }
        if (description.length() > SageCatalogItem.TEXT_MAX) {
            warnings.add(MappingWarning.NAME_TRUNCATED);
            description = description.substring(0, SageCatalogItem.TEXT_MAX).strip();
        }
        String priceType = kind == CatalogItemKind.SERVICE ? types.serviceRateTypeId()
                : types.productSalesPriceTypeId();
        BigDecimal price = product.price() == null ? null : money(product.price());
        if (price != null && priceType == null) {
            warnings.add(MappingWarning.PRICE_NOT_SENT);
            price = null;
        }
        return new SageCatalogItem(kind, code, description, policy.defaultLedgerAccountId(), purchase,
                policy.defaultTaxRateId(), product.cost() == null ? null : money(product.cost()), price,
                price == null ? null : priceType);
    }

    /**
     * The movement that brings Sage's {@code quantity_in_stock} to Magento's {@code stock_qty} (Magento is the source
     * of truth, one way), or empty when they already agree or Magento did not say. Negative Magento stock
     * (backorders) is brought to zero: Sage holds no negative stock.
     */
    public static Optional<SageStockMovementRequest> stockMovement(String stockItemId, CanonicalProduct product,
                                                                   BigDecimal sageQuantity, LocalDate date,
                                                                   String idempotencyId, Set<MappingWarning> warnings) {
        if (product.stockQty() == null) {
            return Optional.empty();
        }
        BigDecimal target = product.stockQty();
        if (target.signum() < 0) {
            warnings.add(MappingWarning.NEGATIVE_STOCK_CLAMPED);
            target = BigDecimal.ZERO;
        }
        BigDecimal current = sageQuantity == null ? BigDecimal.ZERO : sageQuantity;
        BigDecimal difference = target.subtract(current);
        if (difference.signum() == 0) {
            return Optional.empty();
        }
        String details = "Magento stock " + plain(target) + " (Sage " + plain(current) + ")";
        if (details.length() > SageStockMovementRequest.DETAILS_MAX) {
            details = "Magento stock " + plain(target);
        }
        String reference = "MAGENTO-" + product.magentoId();
        return Optional.of(new SageStockMovementRequest(stockItemId, date, difference.stripTrailingZeros(),
                product.cost() == null ? BigDecimal.ZERO.setScale(2) : money(product.cost()), details,
                reference.length() <= SageStockMovementRequest.REFERENCE_MAX ? reference : null, idempotencyId));
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
