package io.sagesync.adapter.sage.api;

import io.sagesync.domain.sage.CatalogItemKind;
import io.sagesync.domain.sage.CatalogPriceTypes;
import io.sagesync.domain.sage.SageCatalogItem;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.domain.sage.SageStockMovementRequest;
import io.sagesync.port.SageCatalogGateway;
import java.math.BigDecimal;
import java.util.Optional;

/** A {@link SageCatalogGateway} that hands every call to {@link #catalogCalls()} (keeps the gateways small). */
interface CatalogDelegation extends SageCatalogGateway {
    SageCatalogGateway catalogCalls();

    @Override
    default void updateContact(String contactId, SageContactRequest update) {
        catalogCalls().updateContact(contactId, update);
    }

    @Override
    default CatalogPriceTypes catalogPriceTypes() {
        return catalogCalls().catalogPriceTypes();
    }

    @Override
    default String createCatalogItem(SageCatalogItem item, String idempotencyId) {
        return catalogCalls().createCatalogItem(item, idempotencyId);
    }

    @Override
    default void updateCatalogItem(String sageId, SageCatalogItem item) {
        catalogCalls().updateCatalogItem(sageId, item);
    }

    @Override
    default Optional<String> findCatalogItemByCode(CatalogItemKind kind, String itemCode) {
        return catalogCalls().findCatalogItemByCode(kind, itemCode);
    }

    @Override
    default BigDecimal stockQuantity(String stockItemId) {
        return catalogCalls().stockQuantity(stockItemId);
    }

    @Override
    default String createStockMovement(SageStockMovementRequest movement) {
        return catalogCalls().createStockMovement(movement);
    }
}
