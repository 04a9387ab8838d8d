package io.sagesync.simulator.magento;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical product fixtures as Magento's {@code GET product/{id}} renders them (wire contract §d): snake_case keys in
 * interface order, floats as PHP floats ({@code 34.0}), null fields omitted.
 */
public final class CanonicalProducts {
    private CanonicalProducts() {
    }

    /** A product; nullable fields ({@code price}, {@code cost}, {@code stockQty} ...) are omitted when null. */
    public record Product(long magentoId, String sku, String name, String productType, String price,
                          String specialPrice, String cost, String weight, String stockQty, boolean manageStock,
                          String taxClass, List<Long> websiteIds, String createdAt, String updatedAt) {

        /** The same product with another stock quantity (a stock save). */
        public Product withStock(String qty) {
            return new Product(magentoId, sku, name, productType, price, specialPrice, cost, weight, qty,
                    manageStock, taxClass, websiteIds, createdAt, updatedAt);
        }

        /** The same product with another name and price (a product save). */
        public Product withNameAndPrice(String newName, String newPrice) {
            return new Product(magentoId, sku, newName, productType, newPrice, specialPrice, cost, weight, stockQty,
                    manageStock, taxClass, websiteIds, createdAt, updatedAt);
        }

        /** The JSON {@code GET product/{id}} answers. */
        public String toJson() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("magento_id", magentoId);
            map.put("sku", sku);
            map.put("name", name);
            map.put("product_type", productType);
            putFloat(map, "price", price);
            putFloat(map, "special_price", specialPrice);
            putFloat(map, "cost", cost);
            putFloat(map, "weight", weight);
            putFloat(map, "stock_qty", stockQty);
            map.put("manage_stock", manageStock);
            CanonicalContacts.putIfPresent(map, "tax_class", taxClass);
            map.put("website_ids", websiteIds);
            CanonicalContacts.putIfPresent(map, "created_at", createdAt);
            CanonicalContacts.putIfPresent(map, "updated_at", updatedAt);
            return PhpJson.encode(map);
        }

        private static void putFloat(Map<String, Object> map, String key, String value) {
            if (value != null) {
                map.put(key, new BigDecimal(value));
            }
        }
    }

    /** The §d example: Joust Duffle Bag, simple, 34.0, cost 12.5, 100 in stock, managed. */
    public static Product joustDuffleBag(long id) {
        return new Product(id, "24-MB01", "Joust Duffle Bag", "simple", "34.0", null, "12.5", "1.2", "100.0", true,
                "2", List.of(1L), "2025-11-02T12:00:00Z", "2026-04-29T08:30:00Z");
    }

    /** A simple product {@code SKU-<id>} with the given price and stock (managed). */
    public static Product simple(long id, String price, String stockQty) {
        return new Product(id, "SKU-" + id, "Product " + id, "simple", price, null, "5.0", null, stockQty, true, "2",
                List.of(1L), "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
    }

    /** A virtual or downloadable product (a Sage service). */
    public static Product virtual(long id, String type, String sku, String name, String price) {
        return new Product(id, sku, name, type, price, null, null, null, null, false, "2", List.of(1L),
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
    }
}
