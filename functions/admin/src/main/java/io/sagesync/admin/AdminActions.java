package io.sagesync.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.adapter.sage.SageReauthRequiredException;
import io.sagesync.domain.policy.PolicyValidationException;
import io.sagesync.log.JsonLog;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.SageCallException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * The operator's actions, one JSON request in and one JSON answer out: {@code {"ok":true,...}} or
 * {@code {"ok":false,"error":"<code>","message":"<what to do>"}}. Answers and logs never carry the api_key,
 * OAuth codes, verifiers or tokens.
 */
public final class AdminActions {
    private static final JsonLog LOG = JsonLog.of(AdminActions.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MagentoPairing pairing;
    private final SageConnection sage;
    private final SyncSettings settings;

    AdminActions(MagentoPairing pairing, SageConnection sage, SyncSettings settings) {
        this.pairing = Objects.requireNonNull(pairing);
        this.sage = Objects.requireNonNull(sage);
        this.settings = Objects.requireNonNull(settings);
    }

    /** Runs {@code request.action}; never throws for operator mistakes, only reports them. */
    public ObjectNode handle(JsonNode request) {
        String action = request.path("action").asText("");
        JsonLog.withContext("action", action);
        try {
            ObjectNode out = JSON.createObjectNode().put("ok", true).put("action", action);
            switch (action) {
                case "pair" -> {
                    MagentoPairing.Result r = pairing.pair(text(request, "shop_url"), text(request, "pairing_code"),
                            text(request, "ledger_base_url"));
                    out.put("shop_url", r.shopUrl()).put("ping_ok", r.pingOk()).put("message", r.pingMessage());
                }
                case "sage_connect_start" -> out.put("authorization_url", sage.start(text(request, "business_id")))
                        .put("message", "open this URL within 10 minutes and authorise sagesync in Sage");
                case "sage_connect_finish" -> connected(out, sage.finish(text(request, "code"),
                        text(request, "state")));
                case "sage_disconnect" -> {
                    sage.disconnect();
                    out.put("message", "Sage disconnected; the refresh token was revoked");
                }
                case "sage_keepalive" -> sage.keepAlive().forEach((k, v) -> out.set(k, JSON.valueToTree(v)));
                case "refresh_reference" -> {
                    SageReference r = sage.refreshReference();
                    out.set("reference", referenceJson(r));
                }
                case "get_settings" -> out.set("policy", JSON.readTree(settings.get()));
                case "put_settings" -> {
                    JsonNode policy = request.path("policy");
                    if (!policy.isObject()) {
                        throw new AdminException("invalid_settings", "policy must be a JSON object");
                    }
                    out.set("policy", JSON.readTree(new io.sagesync.adapter.policy.SyncPolicyJson()
                            .serialise(settings.put(policy.toString()))));
                }
                default -> throw new AdminException("unknown_action", "action must be one of pair, "
                        + "sage_connect_start, sage_connect_finish, sage_disconnect, sage_keepalive, "
                        + "refresh_reference, get_settings, put_settings");
            }
            LOG.info("admin action done");
            return out;
        } catch (AdminException e) {
            LOG.warn("admin action refused", "error", e.code());
            return error(action, e.code(), e.getMessage());
        } catch (PolicyValidationException e) {
            LOG.warn("admin action refused", "error", "invalid_settings", "fields", e.fieldErrors().size());
            ObjectNode out = error(action, "invalid_settings", "the policy was not saved; fix the fields below");
            e.fieldErrors().forEach(out.putArray("field_errors")::add);
            return out;
        } catch (SageReauthRequiredException e) {
            LOG.warn("admin action refused", "error", "needs_reauth");
            return error(action, "needs_reauth", e.getMessage());
        } catch (SageCallException e) {
            LOG.warn("admin action failed", "error", "sage", "classification", e.kind().name());
            return error(action, e.kind().wireName(), e.getMessage());
        } catch (InfrastructureException e) {
            LOG.error("admin action failed", "error", "infrastructure", "detail", e.getMessage());
            return error(action, "infrastructure", e.getMessage() + "; try again");
        } catch (IOException e) {
            return error(action, "internal", "could not render the answer");
        } finally {
            JsonLog.withContext("action", null);
        }
    }

    private static void connected(ObjectNode out, SageConnection.Connected c) {
        out.put("business_id", c.businessId()).put("business_name", c.businessName())
                .put("message", "Sage connected");
    }

    private static ObjectNode referenceJson(SageReference r) {
        ObjectNode node = JSON.createObjectNode().put("business_id", r.businessId())
                .put("refreshed_at", r.refreshedAt().toString());
        node.set("tax_rates", JSON.valueToTree(r.taxRates()));
        node.set("sales_ledger_accounts", JSON.valueToTree(r.salesLedgerAccounts()));
        node.set("purchase_ledger_accounts", JSON.valueToTree(r.purchaseLedgerAccounts()));
        node.set("bank_accounts", JSON.valueToTree(r.bankAccounts()));
        return node;
    }

    private static ObjectNode error(String action, String code, String message) {
        return JSON.createObjectNode().put("ok", false).put("action", action).put("error", code)
                .put("message", message);
    }

    private static String text(JsonNode request, String field) {
        JsonNode v = request.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    /** The browser callback ({@code GET /sage/oauth/callback?code&state}): a short plain-text page. */
    public Map.Entry<Integer, String> oauthCallback(Map<String, String> query) {
        if (query.containsKey("error")) {
            String error = query.get("error").replaceAll("[^A-Za-z0-9_ ]", "");
            LOG.warn("sage authorisation declined", "error", error);
            return Map.entry(400, "Sage did not authorise sagesync (" + error + "). Run sage_connect_start again.");
        }
        ObjectNode request = JSON.createObjectNode().put("action", "sage_connect_finish");
        request.put("code", query.get("code"));
        request.put("state", query.get("state"));
        ObjectNode result = handle(request);
        return result.path("ok").asBoolean()
                ? Map.entry(200, "Sage connected to " + result.path("business_name").asText() + " ("
                + result.path("business_id").asText() + "). You can close this window.")
                : Map.entry(400, "Sage was not connected: " + result.path("message").asText());
    }
}
