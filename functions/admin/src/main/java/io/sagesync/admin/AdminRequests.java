package io.sagesync.admin;

import com.fasterxml.jackson.databind.JsonNode;

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
            default -> new AdminCommand.Unknown(action);
        };
    }

    private static String text(JsonNode request, String field) {
        JsonNode v = request.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }
}
