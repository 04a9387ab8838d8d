package io.sagesync.domain.magento;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The canonical product (wire contract §d, {@code GET /rest/V1/byte8/product/:id}), stock included. Money is in the
 * base currency (Magento's catalogue prices are website-scope base prices). Nullable fields are {@code null} when
 * Magento omitted the key.
 *
 * @param magentoId    product entity id
 * @param sku          SKU, required
 * @param name         name as Magento stored it (may contain HTML entities)
 * @param productType  type code: simple, virtual, downloadable, configurable, bundle, grouped, ...
 * @param price        nullable base price
 * @param specialPrice nullable (never sent to Sage: only {@code price} is, §g)
 * @param cost         nullable cost price
 * @param weight       nullable
 * @param stockQty     nullable quantity in the default-scope stock registry
 * @param manageStock  whether Magento manages stock for it ({@code false} when no stock item exists)
 * @param taxClass     nullable tax class id as a string
 * @param websiteIds   websites it is assigned to, never null
 * @param createdAt    nullable
 * @param updatedAt    nullable
 */
public record CanonicalProduct(long magentoId, String sku, String name, String productType, BigDecimal price,
                               BigDecimal specialPrice, BigDecimal cost, BigDecimal weight, BigDecimal stockQty,
                               boolean manageStock, String taxClass, List<Long> websiteIds, Instant createdAt,
                               Instant updatedAt) {
    public CanonicalProduct {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(productType, "product_type");
        websiteIds = websiteIds == null ? List.of() : List.copyOf(websiteIds);
    }
}
