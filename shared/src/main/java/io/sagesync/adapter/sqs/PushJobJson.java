package io.sagesync.adapter.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.EventName;
import io.sagesync.domain.PushJob;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.domain.SyncStateUpdate.SyncStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The push job's wire form on SQS: snake_case JSON, versioned like {@link SyncJobJson}. The update is carried whole
 * (exactly what Magento will receive), with {@code last_sync_at} as an ISO-8601 instant; only the Magento adapter
 * formats it as {@code YYYY-MM-DD HH:MM:SS}.
 */
public final class PushJobJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int VERSION = 1;

    private PushJobJson() {
    }

    public static String write(PushJob job) {
        SyncStateUpdate u = job.update();
        ObjectNode update = JSON.createObjectNode()
                .put("entity_type", u.entityType().wireName())
                .put("magento_entity_id", u.magentoEntityId())
                .put("provider", u.provider())
                .put("sync_status", u.syncStatus().wireName())
                .put("provider_entity_id", u.providerEntityId())
                .put("provider_reference", u.providerReference())
                .put("skip_reason", u.skipReason())
                .put("error_code", u.errorCode())
                .put("last_sync_at", u.lastSyncAt().toString());
        ObjectNode node = JSON.createObjectNode()
                .put("v", VERSION)
                .put("run_id", job.runId())
                .put("event", job.event().wireName());
        node.set("update", update);
        return node.toString();
    }

    /**
     * @throws IllegalArgumentException when the message is not a push job (a poison message; it goes to the DLQ)
     */
    public static PushJob read(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("push job is not a JSON object");
            }
            JsonNode u = n.required("update");
            SyncStateUpdate update = new SyncStateUpdate(
                    entityType(u.required("entity_type").asText()),
                    u.required("magento_entity_id").asLong(),
                    u.required("provider").asText(),
                    syncStatus(u.required("sync_status").asText()),
                    text(u, "provider_entity_id"),
                    text(u, "provider_reference"),
                    text(u, "skip_reason"),
                    text(u, "error_code"),
                    Instant.parse(u.required("last_sync_at").asText()));
            return new PushJob(
                    n.required("run_id").asText(),
                    EventName.fromWire(n.required("event").asText())
                            .orElseThrow(() -> new IllegalArgumentException("unknown event")),
                    update);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("push job is not JSON", e);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("push job last_sync_at is not an ISO-8601 instant", e);
        }
    }

    private static EntityType entityType(String wire) {
        return Arrays.stream(EntityType.values()).filter(t -> t.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown entity_type"));
    }

    private static SyncStatus syncStatus(String wire) {
        try {
            // "pending" is not a SyncStatus: Magento rejects it, so a job carrying it is poison by construction
            return SyncStatus.valueOf(wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sync_status must be synced, skipped or failed");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
