package io.sagesync.domain;

/** Magento entity kinds as the sync-state callback names them ({@code entity_type}). */
public enum EntityType {
    INVOICE("invoice"),
    CREDITMEMO("creditmemo"),
    CUSTOMER("customer"),
    PRODUCT("product");

    private final String wireName;

    EntityType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
