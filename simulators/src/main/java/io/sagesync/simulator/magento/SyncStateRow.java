package io.sagesync.simulator.magento;

/**
 * One row of Magento's mirror table {@code byte8_entity_sync_state}, unique on (entityType, magentoId, provider).
 * Nullable columns are null when absent; {@code lastSyncAt} is kept as the raw string Magento would bind.
 */
public record SyncStateRow(
        String entityType,
        long magentoId,
        String provider,
        String syncStatus,
        String providerEntityId,
        String providerReference,
        String skipReason,
        String errorCode,
        String lastSyncAt) {
}
