package io.sagesync.testkit.fakes;

import io.sagesync.domain.sage.CatalogItemKind;
import io.sagesync.domain.sage.CatalogPriceTypes;
import io.sagesync.domain.sage.SageCatalogItem;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.domain.sage.SageStockMovementRequest;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageCatalogGateway;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SageCatalogGateway} in memory: items by id (with Sage's rule that only movements change a stock item's
 * quantity), every contact update, create, update and movement recorded in order, and queued {@link #failures}
 * thrown from the next write.
 */
public final class InMemorySageCatalog implements SageCatalogGateway {
    /** A contact update as the worker sent it. */
    public record ContactUpdate(String contactId, SageContactRequest body) {
    }

    /** A catalogue write: create ({@code sageId} is the new id) or update. */
    public record ItemWrite(String sageId, SageCatalogItem item, boolean create, String idempotencyId) {
    }

    public final Deque<SageCallException> failures = new ArrayDeque<>();
    public final List<ContactUpdate> contactUpdates = new ArrayList<>();
    public final List<ItemWrite> itemWrites = new ArrayList<>();
    public final List<SageStockMovementRequest> movements = new ArrayList<>();
    public final Map<String, SageCatalogItem> items = new LinkedHashMap<>();
    public final Map<String, BigDecimal> quantities = new LinkedHashMap<>();
    public CatalogPriceTypes priceTypes = new CatalogPriceTypes("PRICE-TYPE-SALES", "RATE-TYPE-RATE");
    public int priceTypeReads;
    public int quantityReads;
    public int codeLookups;
    private int nextId;

    @Override
    public void updateContact(String contactId, SageContactRequest update) {
        failIfQueued();
        contactUpdates.add(new ContactUpdate(contactId, update));
    }

    @Override
    public CatalogPriceTypes catalogPriceTypes() {
        priceTypeReads++;
        return priceTypes;
    }

    @Override
    public String createCatalogItem(SageCatalogItem item, String idempotencyId) {
        failIfQueued();
        String id = item.kind().code() + "-" + (++nextId);
        items.put(id, item);
        if (item.kind() == CatalogItemKind.STOCK_ITEM) {
            quantities.put(id, BigDecimal.ZERO);
        }
        itemWrites.add(new ItemWrite(id, item, true, idempotencyId));
        return id;
    }

    @Override
    public void updateCatalogItem(String sageId, SageCatalogItem item) {
        failIfQueued();
        items.put(sageId, item);
        itemWrites.add(new ItemWrite(sageId, item, false, null));
    }

    @Override
    public Optional<String> findCatalogItemByCode(CatalogItemKind kind, String itemCode) {
        codeLookups++;
        return items.entrySet().stream().filter(e -> e.getValue().kind() == kind
                && e.getValue().itemCode().equals(itemCode)).map(Map.Entry::getKey).findFirst();
    }

    @Override
    public BigDecimal stockQuantity(String stockItemId) {
        quantityReads++;
        BigDecimal q = quantities.get(stockItemId);
        if (q == null) {
            throw new SageCallException(SageCallException.Kind.NOT_FOUND, 404, null, "no stock item", null);
        }
        return q;
    }

    @Override
    public String createStockMovement(SageStockMovementRequest movement) {
        failIfQueued();
        movements.add(movement);
        quantities.merge(movement.stockItemId(), movement.quantity(), BigDecimal::add);
        return "movement-" + movements.size();
    }

    /** Writes of catalogue items (creates + updates). */
    public int itemWriteCount() {
        return itemWrites.size();
    }

    private void failIfQueued() {
        if (!failures.isEmpty()) {
            throw failures.poll();
        }
    }
}
