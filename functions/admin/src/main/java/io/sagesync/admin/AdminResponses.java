package io.sagesync.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.port.SageReference;
import io.sagesync.port.SyncPolicyFormat;

/**
 * Renders an {@link AdminAnswer} as the JSON answer: {@code {"ok":true,"action":...,...}} or
 * {@code {"ok":false,"action":...,"error":"<code>","message":"<what to do>"}}.
 */
final class AdminResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SyncPolicyFormat policies;

    AdminResponses(SyncPolicyFormat policies) {
        this.policies = policies;
    }

    ObjectNode render(String action, AdminAnswer answer) {
        if (answer instanceof AdminAnswer.Refused r) {
            ObjectNode out = error(action, r.code(), r.message());
            if (!r.fieldErrors().isEmpty()) {
                r.fieldErrors().forEach(out.putArray("field_errors")::add);
            }
            return out;
        }
        ObjectNode out = JSON.createObjectNode().put("ok", true).put("action", action);
        try {
            switch (answer) {
                case AdminAnswer.Paired p -> out.put("shop_url", p.result().shopUrl())
                        .put("ping_ok", p.result().pingOk()).put("message", p.result().pingMessage());
                case AdminAnswer.AuthorizationUrl a -> out.put("authorization_url", a.url())
                        .put("message", "open this URL within 10 minutes and authorise sagesync in Sage");
                case AdminAnswer.SageConnected c -> out.put("business_id", c.connected().businessId())
                        .put("business_name", c.connected().businessName()).put("message", "Sage connected");
                case AdminAnswer.SageDisconnected d ->
                        out.put("message", "Sage disconnected; the refresh token was revoked");
                case AdminAnswer.KeptAlive k -> {
                    if (k.result().skipped() != null) {
                        out.put("skipped", k.result().skipped());
                    } else {
                        out.put("refreshed", k.result().refreshed())
                                .put("reference_refreshed", k.result().referenceRefreshed());
                    }
                }
                case AdminAnswer.Reference r -> out.set("reference", reference(r.reference()));
                case AdminAnswer.Settings s -> out.set("policy", JSON.readTree(policies.serialise(s.policy())));
                case AdminAnswer.Refused r -> throw new IllegalStateException("handled above");
            }
        } catch (JsonProcessingException e) {
            return error(action, "internal", "could not render the answer");
        }
        return out;
    }

    private static ObjectNode reference(SageReference r) {
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
}
