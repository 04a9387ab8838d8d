package io.sagesync.adapter.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sagesync.domain.WebhookDelivery;
import io.sagesync.port.InvalidWebhookBodyException;
import io.sagesync.port.WebhookBodyParser;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code {"magento_entity_id":42,"website_id":1,"store_id":1,"occurred_at":"...","payload":{...}}}.
 * Strict about types (an id that is a string or a float is a malformed body, 400), lenient about extra keys (a newer
 * module may add some), and bounded in depth so a hostile body cannot exhaust the stack.
 */
public final class JacksonWebhookBodyParser implements WebhookBodyParser {
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public WebhookDelivery parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            throw invalid("body_not_json");
        }
        if (root == null || !root.isObject()) {
            throw invalid("body_not_object");
        }
        long entityId = requiredPositiveLong(root.get("magento_entity_id"), "magento_entity_id");
        long websiteId = optionalNonNegativeLong(root.get("website_id"), "website_id");
        long storeId = optionalNonNegativeLong(root.get("store_id"), "store_id");
        JsonNode occurred = root.get("occurred_at");
        if (occurred != null && !occurred.isNull() && !occurred.isTextual()) {
            throw invalid("invalid_occurred_at");
        }
        JsonNode payload = root.get("payload");
        if (payload != null && !payload.isNull() && !payload.isObject()) {
            throw invalid("invalid_payload");
        }
        return new WebhookDelivery(entityId, websiteId, storeId,
                occurred == null || occurred.isNull() ? null : occurred.asText(), scalars(payload));
    }

    private static long requiredPositiveLong(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            throw invalid("missing_" + name);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() <= 0) {
            throw invalid("invalid_" + name);
        }
        return node.asLong();
    }

    private static long optionalNonNegativeLong(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            throw invalid("invalid_" + name);
        }
        return node.asLong();
    }

    /** Keeps only the payload's scalar fields (increment_id, paid); nothing downstream trusts more than that. */
    private static Map<String, Object> scalars(JsonNode payload) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (payload == null || payload.isNull()) {
            return out;
        }
        payload.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                out.put(e.getKey(), v.asText());
            } else if (v.isBoolean()) {
                out.put(e.getKey(), v.asBoolean());
            } else if (v.isIntegralNumber()) {
                out.put(e.getKey(), v.asLong());
            }
        });
        return out;
    }

    private static InvalidWebhookBodyException invalid(String code) {
        return new InvalidWebhookBodyException(code);
    }
}
