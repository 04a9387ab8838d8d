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

    /** The state of a {@code sku:} cross-reference: {@code <kind>:<magento product id>}, e.g. {@code service:410}. */
    static String skuState(CatalogItemKind kind, long magentoProductId) {
        return kind.code() + ":" + magentoProductId;
    }

    /** The synced stock items among {@code skus}, as Magento product ids (what an invoice's sale moved). */
    static java.util.List<Long> stockItemProducts(java.util.Collection<String> skus, XrefStore xrefs) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (String sku : new java.util.LinkedHashSet<>(skus)) {
            xrefs.find(skuKey(sku)).map(Xref::syncedState).filter(s -> s != null && s.startsWith("stock_item:"))
                    .ifPresent(s -> {
                        try {
                            ids.add(Long.parseLong(s.substring("stock_item:".length())));
                        } catch (NumberFormatException e) {
                            // an unreadable state links nothing; the next product event rewrites it
                        }
                    });
        }
        return ids;
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
            String state = x.syncedState() == null ? "" : x.syncedState();
            int colon = state.indexOf(':');
            CatalogItemKind kind = CatalogItemKind.fromCode(colon < 0 ? state : state.substring(0, colon));
            return kind == CatalogItemKind.STOCK_ITEM ? Optional.empty()
                    : Optional.of(new CatalogLinks.Link(kind, x.sageId()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
