package io.sagesync.testkit.fakes;

import io.sagesync.domain.sage.CatalogItemKind;
import io.sagesync.domain.sage.CatalogPriceTypes;
import io.sagesync.domain.sage.SageCatalogItem;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.domain.sage.SageStockMovementRequest;
import io.sagesync.port.SageCatalogGateway;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * For fakes of {@code SageGateway} in tests that never reach customers or the catalogue: every such call fails the
 * test, so a fake used where it should not be says so loudly.
 */
public interface CatalogNotExercised extends SageCatalogGateway {

    private static AssertionError notExercised() {
        return new AssertionError("this test's Sage fake does not support customers or the catalogue");
    }

    @Override
    default void updateContact(String contactId, SageContactRequest update) {
        throw notExercised();
    }

    @Override
    default CatalogPriceTypes catalogPriceTypes() {
        throw notExercised();
    }

    @Override
    default String createCatalogItem(SageCatalogItem item, String idempotencyId) {
        throw notExercised();
    }

    @Override
    default void updateCatalogItem(String sageId, SageCatalogItem item) {
        throw notExercised();
    }

    @Override
    default Optional<String> findCatalogItemByCode(CatalogItemKind kind, String itemCode) {
        throw notExercised();
    }

    @Override
    default BigDecimal stockQuantity(String stockItemId) {
        throw notExercised();
    }

    @Override
    default String createStockMovement(SageStockMovementRequest movement) {
        throw notExercised();
    }
}
