package io.sagesync.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The webhook event names the Byte8 Magento module emits (wire contract §b). Anything else is answered
 * {@code 202 {"status":"ignored"}} so that newer module versions never get dead-lettered.
 */
public enum EventName {
    INVOICE_CREATED("invoice.created", EntityType.INVOICE),
    INVOICE_PAID("invoice.paid", EntityType.INVOICE),
    CREDITMEMO_CREATED("creditmemo.created", EntityType.CREDITMEMO),
    CUSTOMER_UPSERTED("customer.upserted", EntityType.CUSTOMER),
    PRODUCT_UPSERTED("product.upserted", EntityType.PRODUCT);

    private final String wireName;
    private final EntityType entityType;

    EventName(String wireName, EntityType entityType) {
        this.wireName = wireName;
        this.entityType = entityType;
    }

    public String wireName() {
        return wireName;
    }

    /** The Magento entity the event is about; also the sync-state mirror row's {@code entity_type}. */
    public EntityType entityType() {
        return entityType;
    }

    public static Optional<EventName> fromWire(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
