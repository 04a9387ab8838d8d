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
 * The Settings form ↔ the policy document (wire contract §f names). Flat field names follow the document's paths
 * ({@code tax_rate_map.20.00}, {@code b2c_consolidation.enabled}, {@code product_type_eu_goods_map.virtual}), so the
 * parser's per-field messages land next to their inputs. What the form does not show (business currency/country,
 * shipping ledger) is carried over unchanged from the stored document. Typed values are passed through as typed so
 * the policy parser, not this form, judges them.
 */
final class PolicyForm {
    static final List<String> CHECKBOXES = List.of("sync_unpaid_invoices", "sync_zero_value_invoices",
            "sync_products", "sync_stock");
    static final List<String> TEXTS = List.of("sync_since", "default_tax_rate_id", "default_ledger_account_id",
            "default_bank_account_id", "default_purchase_ledger_account_id", "invoice_number_prefix",
            "customer_name_priority", "default_eu_goods_services_type");
    static final List<String> ID_LISTS = List.of("website_filter", "store_filter");
    private static final String MAP_PREFIX = "payment_method_map.";
    static final String TAX_PREFIX = "tax_rate_map.";
    static final String TAX_NEW_PERCENT = "tax_rate_new.percent";
    static final String TAX_NEW_RATE = "tax_rate_new.rate";
    static final String TYPE_PREFIX = "product_type_eu_goods_map.";
    static final String TYPE_NEW_NAME = "product_type_new.type";
    static final String TYPE_NEW_VALUE = "product_type_new.value";
    static final String B2C_PREFIX = "b2c_consolidation.";
    static final List<String> B2C_CHECKBOXES = List.of("b2c_consolidation.enabled",
            "b2c_consolidation.always_individual_for_b2b");
    static final List<String> B2C_TEXTS = List.of("b2c_consolidation.fallback_contact_name",
            "b2c_consolidation.fallback_contact_email", "b2c_consolidation.fallback_contact_reference",
            "b2c_consolidation.min_total_for_individual");
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
        doc.path("tax_rate_map").fields().forEachRemaining(e -> out.put(TAX_PREFIX + e.getKey(),
                e.getValue().asText()));
        doc.path("product_type_eu_goods_map").fields().forEachRemaining(e -> out.put(TYPE_PREFIX + e.getKey(),
                e.getValue().asText()));
        JsonNode b2c = doc.path("b2c_consolidation");
        B2C_CHECKBOXES.forEach(f -> out.put(f, b2c.path(f.substring(B2C_PREFIX.length())).asBoolean(false)
                ? "true" : ""));
        B2C_TEXTS.forEach(f -> {
            JsonNode v = b2c.path(f.substring(B2C_PREFIX.length()));
            out.put(f, v.isMissingNode() || v.isNull() ? "" : v.asText());
        });
        return out;
    }

    /** Every checkbox of the form (an unticked box is absent from a submitted form). */
    static List<String> checkboxes() {
        List<String> all = new java.util.ArrayList<>(CHECKBOXES);
        all.addAll(B2C_CHECKBOXES);
        return all;
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
        applyTaxRates(doc.with("tax_rate_map"), form);
        applyProductTypes(doc.with("product_type_eu_goods_map"), form);
        // the form always carries the B2C texts; without them (an older form) the stored B2C settings stay
        if (form.containsKey(B2C_TEXTS.get(0))) {
            applyB2c(doc.with("b2c_consolidation"), form);
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

    /** Each shown mapping is kept, changed or (picker left blank) removed; a filled new row adds one. */
    private static void applyTaxRates(ObjectNode map, Map<String, String> form) {
        form.forEach((k, v) -> {
            if (k.startsWith(TAX_PREFIX) && k.length() > TAX_PREFIX.length()) {
                String key = k.substring(TAX_PREFIX.length());
                if (v == null || v.isBlank()) {
                    map.remove(key);
                } else {
                    map.put(key, v.trim());
                }
            }
        });
        String percent = form.getOrDefault(TAX_NEW_PERCENT, "").trim();
        if (!percent.isEmpty()) {
            // a blank rate is passed on as blank: the parser's message then names this percentage
            map.put(percent, form.getOrDefault(TAX_NEW_RATE, "").trim());
        }
    }

    private static void applyProductTypes(ObjectNode map, Map<String, String> form) {
        form.forEach((k, v) -> {
            if (k.startsWith(TYPE_PREFIX) && k.length() > TYPE_PREFIX.length() && v != null && !v.isBlank()) {
                map.put(k.substring(TYPE_PREFIX.length()), v.trim());
            }
        });
        String type = form.getOrDefault(TYPE_NEW_NAME, "").trim();
        if (!type.isEmpty()) {
            map.put(type, form.getOrDefault(TYPE_NEW_VALUE, "").trim());
        }
    }

    private static void applyB2c(ObjectNode b2c, Map<String, String> form) {
        B2C_CHECKBOXES.forEach(f -> b2c.put(f.substring(B2C_PREFIX.length()), "true".equals(form.get(f))));
        B2C_TEXTS.forEach(f -> b2c.put(f.substring(B2C_PREFIX.length()), form.getOrDefault(f, "").trim()));
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
