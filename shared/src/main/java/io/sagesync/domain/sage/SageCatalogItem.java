package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Body of {@code POST|PUT /products}, {@code /services} or {@code /stock_items} (sent as {@code {"product": ...}},
 * {@code {"service": ...}}, {@code {"stock_item": ...}}). Nullable fields are omitted on the wire.
 *
 * @param kind                    which resource
 * @param itemCode                the Magento SKU (products and services ≤ 255, stock items ≤ 30)
 * @param description             the product name, plain text, ≤ 255
 * @param salesLedgerAccountId    sales ledger account (policy)
 * @param purchaseLedgerAccountId purchase ledger account (policy); nullable for services
 * @param salesTaxRateId          nullable sales tax rate (policy)
 * @param costPrice               nullable cost price (products and stock items)
 * @param price                   nullable selling price, base currency, excluding tax
 * @param priceTypeId             the business's price band ({@code product_sales_price_type_id} or
 *                                {@code service_rate_type_id}); required with a price
 */
public record SageCatalogItem(CatalogItemKind kind, String itemCode, String description, String salesLedgerAccountId,
                              String purchaseLedgerAccountId, String salesTaxRateId, BigDecimal costPrice,
                              BigDecimal price, String priceTypeId) {
    /** Sage's limit on a stock item's {@code item_code}. */
    public static final int STOCK_ITEM_CODE_MAX = 30;
    /** Sage's limit on {@code item_code} and {@code description} of products and services. */
    public static final int TEXT_MAX = 255;

    public SageCatalogItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(itemCode, "item_code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(salesLedgerAccountId, "sales_ledger_account_id");
        int codeMax = kind == CatalogItemKind.STOCK_ITEM ? STOCK_ITEM_CODE_MAX : TEXT_MAX;
        if (itemCode.length() > codeMax || description.length() > TEXT_MAX) {
            throw new IllegalArgumentException("item_code or description over Sage's limit");
        }
        if (kind != CatalogItemKind.SERVICE && purchaseLedgerAccountId == null) {
            throw new IllegalArgumentException("Sage requires purchase_ledger_account_id on products");
        }
        if (price != null && priceTypeId == null) {
            throw new IllegalArgumentException("a price needs its price type");
        }
    }

    /**
     * What Sage holds for this item, as 16 hex characters of SHA-256 over every field sent: equal fingerprints mean a
     * PUT would change nothing. Amounts are compared by value ({@code 34.0} and {@code 34.00} are the same price).
     */
    public String fingerprint() {
        String canonical = String.join("\u001f", kind.code(), itemCode, description, salesLedgerAccountId,
                String.valueOf(purchaseLedgerAccountId), String.valueOf(salesTaxRateId), plain(costPrice),
                plain(price), String.valueOf(priceTypeId));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JVM", e);
        }
    }

    private static String plain(BigDecimal v) {
        return v == null ? "null" : v.stripTrailingZeros().toPlainString();
    }
}
