package io.sagesync.application;

import io.sagesync.domain.Xref;
import io.sagesync.domain.sage.CatalogItemKind;
import io.sagesync.domain.sage.CatalogLinks;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.port.XrefStore;
import java.util.Optional;

/**
 * Cross-reference keys of the catalogue: {@code product:<magento id>} → the Sage item with its {@code
 * CatalogSyncState}, and {@code sku:<sku>} → the Sage product or service an invoice line with that SKU names.
 */
final class CatalogKeys {
    private CatalogKeys() {
    }

    static String productKey(long magentoProductId) {
        return "product:" + magentoProductId;
    }

    static String skuKey(String sku) {
        return "sku:" + sku;
    }

    /**
     * The links invoice and credit-note lines use: none while {@code sync_products} is off (no extra reads, bodies
     * exactly as before), else the {@code sku:} cross-reference of each line's SKU.
     */
    static CatalogLinks links(SyncPolicy policy, XrefStore xrefs) {
        if (!policy.syncProducts()) {
            return CatalogLinks.NONE;
        }
        return sku -> xrefs.find(skuKey(sku)).flatMap(CatalogKeys::link);
    }

    private static Optional<CatalogLinks.Link> link(Xref x) {
        try {
            CatalogItemKind kind = CatalogItemKind.fromCode(x.syncedState() == null ? "" : x.syncedState());
            return kind == CatalogItemKind.STOCK_ITEM ? Optional.empty()
                    : Optional.of(new CatalogLinks.Link(kind, x.sageId()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
