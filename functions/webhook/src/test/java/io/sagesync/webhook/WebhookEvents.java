package io.sagesync.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.sagesync.simulator.magento.MagentoJwt;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds webhook events as API Gateway delivers them, signed the way the Magento module signs them. The token comes
 * from the Magento simulator's own JCE implementation of Magento's Signer, not from our code, so passing tests mean
 * wire compatibility rather than agreement with ourselves.
 */
final class WebhookEvents {
    static final String TENANT = "11111111-2222-4333-8444-555555555555";
    static final String API_KEY = "test-master-api-key-0123456789abcdef";

    private WebhookEvents() {
    }

    static String body(long entityId) {
        return "{\"magento_entity_id\":" + entityId + ",\"website_id\":1,\"store_id\":1,"
                + "\"occurred_at\":\"2026-04-30T10:11:12Z\",\"payload\":{\"increment_id\":\"0000000" + entityId
                + "\",\"paid\":true}}";
    }

    static String token(Instant now) {
        return MagentoJwt.signOutbound(API_KEY, TENANT, now, UUID.randomUUID().toString());
    }

    static APIGatewayV2HTTPEvent signed(String event, String body, String idempotencyKey, Instant now) {
        Map<String, String> headers = new HashMap<>();
        headers.put("authorization", "Bearer " + token(now));
        headers.put("content-type", "application/json");
        if (idempotencyKey != null) {
            headers.put("idempotency-key", idempotencyKey);
        }
        return event(TENANT, event, headers, body);
    }

    static APIGatewayV2HTTPEvent event(String tenant, String event, Map<String, String> headers, String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /webhooks/magento/{tenant_id}/{event}")
                .withRawPath("/webhooks/magento/" + tenant + "/" + event)
                .withPathParameters(Map.of("tenant_id", tenant, "event", event))
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
