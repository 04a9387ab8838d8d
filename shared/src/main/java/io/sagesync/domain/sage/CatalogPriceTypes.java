package io.sagesync.domain.sage;

/**
 * The business's default price bands: a product's selling price goes to a {@code product_sales_price_type}, a
 * service's rate to a {@code service_rate_type} (Sage: {@code GET /product_sales_price_types},
 * {@code GET /service_rate_types}; names are editable, so the first active one is taken, "Sales Price" / "Rate" in a
 * new business).
 *
 * @param productSalesPriceTypeId nullable when the business has none
 * @param serviceRateTypeId       nullable when the business has none
 */
public record CatalogPriceTypes(String productSalesPriceTypeId, String serviceRateTypeId) {
}
