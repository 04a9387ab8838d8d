package io.sagesync.simulator.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sync-state mirror table ({@code byte8_sync_state}) and {@code POST sync-state}: Magento's field validation and
 * error envelopes, an upsert per (entity type, id, provider), and the module's own {@code markPending}.
 */
final class SyncStateResource {
    private static final Set<String> SYNC_ENTITY_TYPES = Set.of("invoice", "creditmemo", "customer", "product");
    private static final Set<String> SYNC_STATUSES = Set.of("synced", "skipped", "failed");

    private final Clock clock;
    private final FaultQueues faults;
    private final Map<String, SyncStateRow> mirror = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();

    SyncStateResource(Clock clock, FaultQueues faults) {
        this.clock = clock;
        this.faults = faults;
    }

    synchronized List<SyncStateRow> rows() {
        return List.copyOf(mirror.values());
    }

    synchronized Optional<SyncStateRow> row(String entityType, long magentoId, String provider) {
        return Optional.ofNullable(mirror.get(mirrorKey(entityType, magentoId, provider)));
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** Magento's {@code markPending}: insert a pending row, or only bump last_sync_at of an existing row. */
    synchronized void markPending(String entityType, long magentoId, String provider) {
        String key = mirrorKey(entityType, magentoId, provider);
        String now = MagentoHttp.MYSQL_UTC.format(clock.instant());
        SyncStateRow existing = mirror.get(key);
        mirror.put(key, existing == null
                ? new SyncStateRow(entityType, magentoId, provider, "pending", null, null, null, null, now)
                : new SyncStateRow(entityType, magentoId, provider, existing.syncStatus(), existing.providerEntityId(),
                        existing.providerReference(), existing.skipReason(), existing.errorCode(), now));
    }

    void upsert(HttpExchange exchange, byte[] body) throws IOException {
        FaultQueues.Fault fault = faults.next(FaultQueues.SYNC_STATE);
        if (fault != null && fault.failsWithStatus()) {
            MagentoHttp.send(exchange, fault.status(), fault.status() == 400
                    ? "{\"message\":\"Invalid value of \\\"%value\\\" provided for the %fieldName field.\","
                            + "\"parameters\":{\"value\":\"x\",\"fieldName\":\"sync_status\"}}"
                    : MagentoHttp.INTERNAL_ERROR_JSON);
            return;
        }
        JsonNode json = MagentoHttp.parseObject(body);
        if (json == null) {
            MagentoHttp.send(exchange, 400, MagentoHttp.DECODING_ERROR_JSON);
            return;
        }
        String entityType = MagentoHttp.param(json, "entity_type", "entityType");
        String rawId = MagentoHttp.param(json, "magento_entity_id", "magentoEntityId");
        String provider = MagentoHttp.param(json, "provider", "provider");
        String status = MagentoHttp.param(json, "sync_status", "syncStatus");
        String[][] required = {{entityType, "entityType"}, {rawId, "magentoEntityId"}, {provider, "provider"},
                {status, "syncStatus"}};
        for (String[] field : required) {
            if (field[0] == null) {
                MagentoHttp.send(exchange, 400, MagentoHttp.requiredFieldJson(field[1]));
                return;
            }
        }
        if (!rawId.matches("-?\\d{1,18}")) {
            MagentoHttp.send(exchange, 400, MagentoHttp.invalidIntJson(rawId));
            return;
        }
        long id = Long.parseLong(rawId);
        String invalid = !SYNC_ENTITY_TYPES.contains(entityType) ? "entity_type"
                : id <= 0 ? "magento_entity_id"
                : provider.isEmpty() ? "provider"
                : !SYNC_STATUSES.contains(status) ? "sync_status"
                : null;
        if (invalid != null) {
            String value = switch (invalid) {
                case "entity_type" -> entityType;
                case "magento_entity_id" -> rawId;
                case "provider" -> provider;
                default -> status;
            };
            MagentoHttp.send(exchange, 400, invalidValueJson(value, invalid));
            return;
        }
        String lastSyncAt = MagentoHttp.param(json, "last_sync_at", "lastSyncAt");
        SyncStateRow row = new SyncStateRow(entityType, id, provider, status,
                MagentoHttp.param(json, "provider_entity_id", "providerEntityId"),
                MagentoHttp.param(json, "provider_reference", "providerReference"),
                MagentoHttp.param(json, "skip_reason", "skipReason"),
                MagentoHttp.param(json, "error_code", "errorCode"),
                lastSyncAt == null ? MagentoHttp.MYSQL_UTC.format(clock.instant()) : lastSyncAt);
        synchronized (this) {
            mirror.put(mirrorKey(entityType, id, provider), row);
            calls.add(new String(body, StandardCharsets.UTF_8));
        }
        MagentoHttp.send(exchange, 200, "[]");
    }

    private static String invalidValueJson(String value, String fieldName) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("value", value);
        parameters.put("fieldName", fieldName);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("message", "Invalid value of \"%value\" provided for the %fieldName field.");
        envelope.put("parameters", parameters);
        return PhpJson.encode(envelope);
    }

    private static String mirrorKey(String entityType, long id, String provider) {
        return entityType + "|" + id + "|" + provider;
    }
}
