package io.sagesync.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.application.WebhookRejectedException;
import io.sagesync.application.module.DisconnectTenant;
import io.sagesync.application.module.EntityStatus;
import io.sagesync.application.module.MagentoCaller;
import io.sagesync.application.module.TileHealth;
import io.sagesync.domain.RunGauge;
import io.sagesync.domain.RunRecord;
import io.sagesync.log.JsonLog;
import io.sagesync.port.InfrastructureException;
import java.util.Objects;

/**
 * The three calls the Magento module makes besides webhooks (wire contract §b, "Other chassis endpoints"), each
 * authenticated with the module's outbound JWT. Status codes follow the module's rules: 401 only for a token that
 * can never be accepted, 503 for trouble on our side, never an exception out of here.
 */
final class ModuleApi {
    private static final JsonLog LOG = JsonLog.of(ModuleApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MagentoCaller caller;
    private final TileHealth health;
    private final EntityStatus status;
    private final DisconnectTenant disconnect;

    ModuleApi(MagentoCaller caller, TileHealth health, EntityStatus status, DisconnectTenant disconnect) {
        this.caller = Objects.requireNonNull(caller);
        this.health = Objects.requireNonNull(health);
        this.status = Objects.requireNonNull(status);
        this.disconnect = Objects.requireNonNull(disconnect);
    }

    static boolean handles(String path) {
        return path.equals("/v1/tile/health") || path.equals("/v1/status") || path.equals("/v1/tenant/disconnect");
    }

    WebResponse handle(WebRequest request) {
        String route = request.method() + " " + request.path();
        try {
            if (!route.equals("GET /v1/tile/health") && !route.equals("GET /v1/status")
                    && !route.equals("POST /v1/tenant/disconnect")) {
                return WebResponse.json(405, "{\"error\":\"method_not_allowed\"}");
            }
            caller.authenticate(request.header("authorization"));
            return switch (route) {
                case "GET /v1/tile/health" -> WebResponse.json(200, healthJson(health.read()));
                case "GET /v1/status" -> status.lookup(request.param("entity_type"), request.param("entity_id"))
                        .map(s -> WebResponse.json(200, statusJson(s)))
                        .orElseGet(() -> WebResponse.json(400, "{\"error\":\"invalid_entity\",\"message\":"
                                + "\"entity_type must be invoice, creditmemo, customer or product and entity_id a "
                                + "positive number\"}"));
                default -> {
                    disconnect.disconnect(request.header("idempotency-key"));
                    yield WebResponse.noContent();
                }
            };
        } catch (WebhookRejectedException e) {
            return WebResponse.json(e.kind().httpStatus(), "{\"error\":\"" + e.code() + "\"}");
        } catch (InfrastructureException e) {
            LOG.warn("module call failed transiently", "route", route, "cause", e.getMessage());
            return WebResponse.json(503, "{\"error\":\"temporarily_unavailable\"}");
        } catch (RuntimeException e) {
            LOG.error("module call failed", "route", route, "exception", e.getClass().getName());
            return WebResponse.json(500, "{\"error\":\"internal_error\"}");
        }
    }

    /** Exactly the keys the module reads; a field the stack could not read is left out (all are optional). */
    static String healthJson(TileHealth.Health h) {
        ObjectNode root = JSON.createObjectNode();
        if (h.magentoConnectionStatus() != null) {
            root.putObject("tenant").put("magento_connection_status", h.magentoConnectionStatus());
        }
        ObjectNode binding = root.putObject("binding");
        if (h.bindingStatus() != null) {
            binding.put("status", h.bindingStatus());
        }
        binding.put("region", h.region());
        RunGauge g = h.sync();
        if (g != null) {
            ObjectNode sync = root.putObject("sync").put("pending_count", g.pendingCount())
                    .put("failed_24h", g.failed24h());
            if (g.lastRunAt() == null) {
                sync.putNull("last_run_at");
            } else {
                sync.put("last_run_at", g.lastRunAt().toString());
            }
        }
        return root.toString();
    }

    static String statusJson(EntityStatus.Status s) {
        ObjectNode root = JSON.createObjectNode().put("entity_type", s.type().wireName())
                .put("entity_id", s.entityId()).put("status", s.chip());
        var runs = root.putArray("runs");
        for (RunRecord r : s.runs()) {
            ObjectNode run = runs.addObject().put("sync_run_id", r.run().runId())
                    .put("event", r.run().event().wireName()).put("status", r.run().status().wireName())
                    .put("attempts", r.run().attempts()).put("created_at", r.run().createdAt().toString())
                    .put("updated_at", r.run().updatedAt().toString());
            putIfPresent(run, "error_code", r.run().errorClass() == null ? null : r.run().errorClass().wireName());
            putIfPresent(run, "reason", r.run().reason());
            putIfPresent(run, "provider_entity_id", r.run().sageId());
            putIfPresent(run, "provider_reference", r.run().sageReference());
        }
        return root.toString();
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
