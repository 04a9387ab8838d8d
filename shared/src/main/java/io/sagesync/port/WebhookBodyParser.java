package io.sagesync.port;

import io.sagesync.domain.WebhookDelivery;

/** Reads the module's id-only webhook body. */
public interface WebhookBodyParser {
    /**
     * @throws InvalidWebhookBodyException for anything that is not the documented shape (not JSON, wrong types,
     *                                     missing or non-positive magento_entity_id)
     */
    WebhookDelivery parse(byte[] body);
}
