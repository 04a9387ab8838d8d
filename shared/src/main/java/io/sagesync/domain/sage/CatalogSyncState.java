package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What sagesync last put into Sage for one product, kept on its cross-reference ({@code Xref.syncedState}):
 * {@code kind=stock_item;fp=<fingerprint>;qty=42}. A product event whose body has the same fingerprint and, for a
 * stock item, the same Magento stock causes no Sage call at all: a catalogue import's storm of saves coalesces to
 * one write per real change.
 *
 * @param kind        the Sage resource
 * @param fingerprint {@link SageCatalogItem#fingerprint()} of the body last sent
 * @param stockQty    nullable: the Magento stock Sage was last brought to (stock items only)
 */
public record CatalogSyncState(CatalogItemKind kind, String fingerprint, BigDecimal stockQty) {
    public CatalogSyncState {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The stored form. */
    public String encode() {
        return "kind=" + kind.code() + ";fp=" + fingerprint
                + (stockQty == null ? "" : ";qty=" + stockQty.stripTrailingZeros().toPlainString());
    }

    /** Parses {@link #encode()}; anything unreadable is empty (the next event then rewrites Sage, harmlessly). */
    public static Optional<CatalogSyncState> decode(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String kind = null;
        String fp = null;
        BigDecimal qty = null;
        try {
            for (String part : stored.split(";")) {
                int eq = part.indexOf('=');
                String key = eq < 0 ? part : part.substring(0, eq);
                String value = eq < 0 ? "" : part.substring(eq + 1);
                switch (key) {
                    case "kind" -> kind = value;
                    case "fp" -> fp = value;
                    case "qty" -> qty = new BigDecimal(value);
                    default -> { }
                }
            }
            return kind == null || fp == null ? Optional.empty()
                    : Optional.of(new CatalogSyncState(CatalogItemKind.fromCode(kind), fp, qty));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when Sage already holds what Magento says now (stock compared by value). */
    public boolean matches(String newFingerprint, BigDecimal magentoStock) {
        if (!fingerprint.equals(newFingerprint)) {
            return false;
        }
        if (kind != CatalogItemKind.STOCK_ITEM || magentoStock == null) {
            return true;
        }
        return stockQty != null && stockQty.compareTo(magentoStock.max(BigDecimal.ZERO)) == 0;
    }
}
