package io.sagesync.domain.sage;

/**
 * What a Magento product becomes in Sage (§g): a simple product a {@code product} (or, with {@code sync_stock} and
 * managed stock, a {@code stock_item}), a virtual or downloadable product a {@code service}. Chosen when the item is
 * created and kept: Sage cannot turn a product into a stock item.
 */
public enum CatalogItemKind {
    PRODUCT,
    SERVICE,
    STOCK_ITEM;

    /** snake_case code as stored in the cross-reference. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@link #code()}. */
    public static CatalogItemKind fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }

    /** Invoice lines name products and stock items by {@code product_id}, services by {@code service_id}. */
    public boolean isService() {
        return this == SERVICE;
    }
}
