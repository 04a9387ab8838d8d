package io.sagesync.port;

import io.sagesync.domain.sage.CatalogItemKind;
import io.sagesync.domain.sage.CatalogPriceTypes;
import io.sagesync.domain.sage.SageCatalogItem;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.domain.sage.SageStockMovementRequest;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The worker's calls for customers and the catalogue: contact updates, products, services, stock items and stock
 * movements. Every method throws {@link SageCallException} when Sage refuses or cannot be reached.
 */
public interface SageCatalogGateway {

    /**
     * Updates a contact ({@code PUT /contacts/{id}}): name, addresses and main contact person. The reference, the
     * currency and the contact types are never sent (a contact's currency is fixed in Sage, its reference is ours).
     */
    void updateContact(String contactId, SageContactRequest update);

    /** The business's default price bands ({@code GET /product_sales_price_types}, {@code GET /service_rate_types}). */
    CatalogPriceTypes catalogPriceTypes();

    /**
     * Creates a product, service or stock item ({@code POST /products|/services|/stock_items}).
     *
     * @param idempotencyId makes a replay of the same create safe (Sage answers the first result for 7 days)
     * @return the item's Sage id
     */
    String createCatalogItem(SageCatalogItem item, String idempotencyId);

    /** Updates an item ({@code PUT /products|/services|/stock_items/{id}}) to exactly {@code item}. */
    void updateCatalogItem(String sageId, SageCatalogItem item);

    /** Finds an item of that kind by its exact {@code item_code} (Sage's {@code search} is loose; compared here). */
    Optional<String> findCatalogItemByCode(CatalogItemKind kind, String itemCode);

    /** A stock item's {@code quantity_in_stock} ({@code GET /stock_items/{id}}). */
    BigDecimal stockQuantity(String stockItemId);

    /** Posts a stock movement ({@code POST /stock_movements}) and returns its id. */
    String createStockMovement(SageStockMovementRequest movement);
}
