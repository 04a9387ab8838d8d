package io.sagesync.domain.sage;

import java.util.Optional;

/**
 * The Sage catalogue item behind a Magento SKU, for invoice and credit-note lines ({@code product_id} /
 * {@code service_id}). Stock items are deliberately not linked: a sales invoice naming a stock item moves Sage's stock
 * itself, on top of the movement that mirrors Magento's stock, and Sage rejects an invoice that would take stock below
 * zero. Magento stays the only source of stock.
 */
@FunctionalInterface
public interface CatalogLinks {
    /** No links (products not synced): lines go out exactly as before. */
    CatalogLinks NONE = sku -> Optional.empty();

    Optional<Link> forSku(String sku);

    /** A synced product or service. */
    record Link(CatalogItemKind kind, String sageId) {
        public Link {
            if (kind == CatalogItemKind.STOCK_ITEM) {
                throw new IllegalArgumentException("stock items are not linked on lines");
            }
        }
    }
}
