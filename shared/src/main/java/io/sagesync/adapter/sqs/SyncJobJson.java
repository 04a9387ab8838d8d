package io.sagesync.adapter.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.domain.EventName;
import io.sagesync.domain.SyncJob;

/** The sync job's wire form on SQS (snake_case JSON, versioned so a future change can be read side by side). */
public final class SyncJobJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int VERSION = 1;

    private SyncJobJson() {
    }

    public static String write(SyncJob job) {
        ObjectNode node = JSON.createObjectNode()
                .put("v", VERSION)
                .put("run_id", job.runId())
                .put("tenant_id", job.tenantId())
                .put("event", job.event().wireName())
                .put("magento_entity_id", job.magentoEntityId())
                .put("website_id", job.websiteId())
                .put("store_id", job.storeId())
                .put("enqueue_count", job.enqueueCount());
        if (job.idempotencyKey() != null) {
            node.put("idempotency_key", job.idempotencyKey());
        }
        return node.toString();
    }

    /**
     * @throws IllegalArgumentException when the message is not a sync job (a poison message; it goes to the DLQ)
     */
    public static SyncJob read(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return new SyncJob(
                    n.required("run_id").asText(),
                    n.required("tenant_id").asText(),
                    EventName.fromWire(n.required("event").asText())
                            .orElseThrow(() -> new IllegalArgumentException("unknown event")),
                    n.required("magento_entity_id").asLong(),
                    n.path("website_id").asLong(0),
                    n.path("store_id").asLong(0),
                    n.path("enqueue_count").asInt(1),
                    n.hasNonNull("idempotency_key") ? n.get("idempotency_key").asText() : null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("sync job is not JSON", e);
        }
    }
}
