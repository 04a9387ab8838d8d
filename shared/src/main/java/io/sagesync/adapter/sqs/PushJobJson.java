package io.sagesync.adapter.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.EventName;
import io.sagesync.domain.PushJob;
import io.sagesync.domain.SyncStateUpdate;
import java.time.Instant;
import java.util.Arrays;

/**
 * The push job's wire form on SQS: snake_case JSON, versioned, the {@link SyncStateUpdate} nested as {@code update}
 * with Magento's own field names (so a reader of the queue sees exactly what Magento will get).
 */
public final class PushJobJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int VERSION = 1;

    private PushJobJson() {
    }

    public static String write(PushJob job) {
        SyncStateUpdate u = job.update();
        ObjectNode root = JSON.createObjectNode().put("v", VERSION).put("run_id", job.runId())
                .put("event", job.event().wireName());
        ObjectNode update = root.putObject("update");
        update.put("entity_type", u.entityType().wireName());
        update.put("magento_entity_id", u.magentoEntityId());
        update.put("provider", u.provider());
        update.put("sync_status", u.syncStatus().wireName());
        update.put("provider_entity_id", u.providerEntityId());
        update.put("provider_reference", u.providerReference());
        update.put("skip_reason", u.skipReason());
        update.put("error_code", u.errorCode());
        update.put("last_sync_at", u.lastSyncAt().toString());
        return root.toString();
    }

    /**
     * @throws IllegalArgumentException when the message is not a push job (a poison message)
     */
    public static PushJob read(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            JsonNode u = n.required("update");
            String type = u.required("entity_type").asText();
            EntityType entityType = Arrays.stream(EntityType.values()).filter(t -> t.wireName().equals(type))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown entity_type"));
            SyncStateUpdate update = new SyncStateUpdate(entityType, u.required("magento_entity_id").asLong(),
                    u.required("provider").asText(),
                    SyncStateUpdate.SyncStatus.valueOf(u.required("sync_status").asText().toUpperCase(
                            java.util.Locale.ROOT)),
                    text(u, "provider_entity_id"), text(u, "provider_reference"), text(u, "skip_reason"),
                    text(u, "error_code"), Instant.parse(u.required("last_sync_at").asText()));
            return new PushJob(n.required("run_id").asText(),
                    EventName.fromWire(n.required("event").asText())
                            .orElseThrow(() -> new IllegalArgumentException("unknown event")),
                    update);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("push job is not JSON", e);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("push job has a bad last_sync_at", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
