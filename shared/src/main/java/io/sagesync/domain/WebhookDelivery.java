package io.sagesync.domain;

import java.util.Map;
import java.util.Objects;

/**
 * One id-only webhook body as the Magento module posts it (wire contract §b): which entity changed, where, and when.
 * The canonical entity is fetched back from Magento by the sync worker; nothing else of the body is trusted.
 *
 * @param magentoEntityId the entity id, always positive
 * @param websiteId       the website, {@code 0} for global entities
 * @param storeId         the store view, {@code 0} for global entities
 * @param occurredAt      the module's observer time, {@code YYYY-MM-DDTHH:MM:SSZ}, kept as sent (may be null)
 * @param payload         the small event payload ({@code increment_id}, {@code paid}); may be empty
 */
public record WebhookDelivery(long magentoEntityId, long websiteId, long storeId, String occurredAt,
                              Map<String, Object> payload) {
    public WebhookDelivery {
        if (magentoEntityId <= 0) {
            throw new IllegalArgumentException("magento_entity_id must be positive");
        }
        payload = payload == null ? Map.of() : Map.copyOf(Objects.requireNonNull(payload));
    }
}
