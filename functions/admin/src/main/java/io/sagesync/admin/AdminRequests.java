package io.sagesync.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagesync.application.admin.AdminException;
import io.sagesync.domain.EventName;
import io.sagesync.domain.ReplayFilter;
import io.sagesync.domain.RunStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

/** Decodes an operator's JSON payload into a typed {@link AdminCommand}; never throws. */
final class AdminRequests {
    private AdminRequests() {
    }

    static AdminCommand parse(JsonNode request) {
        String action = request.path("action").asText("");
        return switch (action) {
            case "pair" -> new AdminCommand.Pair(text(request, "shop_url"), text(request, "pairing_code"),
                    text(request, "ledger_base_url"));
            case "sage_connect_start" -> new AdminCommand.SageConnectStart(text(request, "business_id"),
                    request.path("replace").asBoolean(false));
            case "sage_connect_finish" -> new AdminCommand.SageConnectFinish(text(request, "code"),
                    text(request, "state"));
            case "sage_disconnect" -> new AdminCommand.SageDisconnect();
            case "sage_keepalive" -> new AdminCommand.SageKeepAlive();
            case "refresh_reference" -> new AdminCommand.RefreshReference();
            case "get_settings" -> new AdminCommand.GetSettings();
            case "put_settings" -> {
                JsonNode policy = request.path("policy");
                yield new AdminCommand.PutSettings(policy.isObject() ? policy.toString() : null);
            }
            case "replay" -> replay(request);
            default -> new AdminCommand.Unknown(action);
        };
    }

    /**
     * {@code {"action":"replay", "dry_run":true, "events":["creditmemo.created"], "status":"skipped",
     * "reason":"event_not_supported", "from":"2026-05-01T00:00:00Z", "to":"…"}}. Every filter is optional (defaults:
     * skipped as {@code event_not_supported}, any event, any time); {@code dry_run} defaults to true.
     */
    private static AdminCommand replay(JsonNode request) {
        try {
            return new AdminCommand.Replay(replayFilter(request), request.path("dry_run").asBoolean(true));
        } catch (AdminException e) {
            return new AdminCommand.Invalid("replay", e.code(), e.getMessage());
        }
    }

    private static ReplayFilter replayFilter(JsonNode request) {
        Set<EventName> events = EnumSet.noneOf(EventName.class);
        for (JsonNode e : request.path("events")) {
            events.add(EventName.fromWire(e.asText()).orElseThrow(() ->
                    new AdminException("invalid_filter", "unknown event " + e.asText())));
        }
        RunStatus status;
        try {
            status = RunStatus.fromWire(request.path("status").asText("skipped"));
        } catch (IllegalArgumentException e) {
            throw new AdminException("invalid_filter", "status must be skipped, failed or succeeded");
        }
        String reason = request.has("reason") ? (request.get("reason").isNull() ? null
                : request.get("reason").asText()) : ReplayFilter.EVENT_NOT_SUPPORTED;
        try {
            return new ReplayFilter(events, status, reason, instant(request, "from"), instant(request, "to"));
        } catch (IllegalArgumentException e) {
            throw new AdminException("invalid_filter", e.getMessage());
        }
    }

    private static Instant instant(JsonNode request, String field) {
        JsonNode v = request.path(field);
        if (!v.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new AdminException("invalid_filter",
                    field + " must be an ISO-8601 instant, e.g. 2026-05-01T00:00:00Z");
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode v = request.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }
}
