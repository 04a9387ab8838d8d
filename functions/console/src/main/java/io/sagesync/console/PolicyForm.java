package io.sagesync.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Settings form ↔ the policy document (wire contract §f names). The form covers the everyday fields; the rest
 * (tax-rate map, B2C consolidation, product-type map, business currency/country) are carried over unchanged from the
 * stored document. Typed values are passed through as typed so the policy parser, not this form, judges them.
 */
final class PolicyForm {
    static final List<String> CHECKBOXES = List.of("sync_unpaid_invoices", "sync_zero_value_invoices",
            "sync_products", "sync_stock");
    static final List<String> TEXTS = List.of("sync_since", "default_tax_rate_id", "default_ledger_account_id",
            "default_bank_account_id", "default_purchase_ledger_account_id", "invoice_number_prefix",
            "customer_name_priority", "default_eu_goods_services_type");
    static final List<String> ID_LISTS = List.of("website_filter", "store_filter");
    private static final String MAP_PREFIX = "payment_method_map.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyForm() {
    }

    /** The stored document as flat form values. */
    static Map<String, String> values(String document) {
        JsonNode doc = read(document);
        Map<String, String> out = new LinkedHashMap<>();
        CHECKBOXES.forEach(f -> out.put(f, doc.path(f).asBoolean(false) ? "true" : ""));
        TEXTS.forEach(f -> out.put(f, doc.path(f).isNull() || doc.path(f).isMissingNode() ? ""
                : doc.path(f).asText()));
        for (String f : ID_LISTS) {
            StringBuilder ids = new StringBuilder();
            doc.path(f).forEach(id -> ids.append(ids.isEmpty() ? "" : ", ").append(id.asText()));
            out.put(f, ids.toString());
        }
        doc.path("payment_method_map").fields().forEachRemaining(e -> out.put(MAP_PREFIX + e.getKey(),
                e.getValue().isNull() || "none".equalsIgnoreCase(e.getValue().asText()) ? "none"
                        : e.getValue().asText()));
        return out;
    }

    /** The stored document with the form's fields applied. */
    static String apply(String stored, Map<String, String> form) {
        ObjectNode doc = (ObjectNode) read(stored);
        CHECKBOXES.forEach(f -> doc.put(f, "true".equals(form.get(f))));
        for (String f : TEXTS) {
            String v = form.getOrDefault(f, "").trim();
            if (v.isEmpty()) {
                doc.putNull(f);
            } else {
                doc.put(f, v);
            }
        }
        for (String f : ID_LISTS) {
            ArrayNode ids = doc.putArray(f);
            for (String part : form.getOrDefault(f, "").split(",")) {
                String id = part.trim();
                if (id.isEmpty()) {
                    continue;
                }
                try {
                    ids.add(Long.parseLong(id));
                } catch (NumberFormatException e) {
                    ids.add(id); // the parser names the field and the bad value
                }
            }
        }
        ObjectNode map = doc.with("payment_method_map");
        form.forEach((k, v) -> {
            if (k.startsWith(MAP_PREFIX) && k.length() > MAP_PREFIX.length()) {
                String code = k.substring(MAP_PREFIX.length());
                if (v == null || v.isBlank()) {
                    map.remove(code);
                } else if (v.equals("none")) {
                    map.putNull(code);
                } else {
                    map.put(code, v);
                }
            }
        });
        return doc.toString();
    }

    /** {@code "field: message"} (the parser's and the reference check's format) → field → message. */
    static Map<String, String> errors(List<String> messages) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String m : messages) {
            int colon = m.indexOf(": ");
            String field = colon < 0 ? "" : m.substring(0, colon);
            out.merge(field, colon < 0 ? m : m.substring(colon + 2), (a, b) -> a + " " + b);
        }
        return out;
    }

    private static JsonNode read(String document) {
        try {
            JsonNode n = JSON.readTree(document == null ? "{}" : document);
            return n != null && n.isObject() ? n : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
