package io.sagesync.adapter.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagesync.domain.policy.CustomerNamePriority;
import io.sagesync.domain.policy.EuGoodsServicesType;
import io.sagesync.domain.policy.SyncPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Field reader that collects errors instead of failing on the first. */
final class PolicyFieldReader {
    private final JsonNode node;
    private final String prefix;
    List<String> errors = new ArrayList<>();

    PolicyFieldReader(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    void rejectUnknown(Set<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                errors.add(prefix + name + ": unknown field");
            }
        });
    }

    JsonNode get(String f) {
        JsonNode n = node.get(f);
        return n == null || n.isNull() ? null : n;
    }

    boolean bool(String f, boolean def) {
        JsonNode n = get(f);
        if (n == null) {
            return def;
        }
        if (!n.isBoolean()) {
            errors.add(prefix + f + ": expected true or false");
            return def;
        }
        return n.booleanValue();
    }

    String text(String f, String def) {
        JsonNode n = get(f);
        if (n == null) {
            return def;
        }
        if (!n.isTextual()) {
            errors.add(prefix + f + ": expected a string");
            return def;
        }
        String s = n.asText().trim();
        return s.isEmpty() ? null : s;
    }

    BigDecimal decimal(String f, BigDecimal def) {
        JsonNode n = get(f);
        if (n == null) {
            return def;
        }
        try {
            return n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText().trim());
        } catch (NumberFormatException e) {
            errors.add(prefix + f + ": expected a decimal number");
            return def;
        }
    }

    Instant instant(String f) {
        String s = text(f, null);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(prefix + f + ": expected an ISO-8601 date-time with offset, e.g. 2026-01-01T00:00:00Z");
            return null;
        }
    }

    List<Long> idList(String f) {
        JsonNode n = get(f);
        List<Long> ids = new ArrayList<>();
        if (n == null) {
            return ids;
        }
        if (!n.isArray()) {
            errors.add(prefix + f + ": expected an array of ids");
            return ids;
        }
        for (JsonNode e : n) {
            if (!e.canConvertToExactIntegral() || e.asLong() < 0) {
                errors.add(prefix + f + ": ids must be non-negative integers");
                return List.of();
            }
            ids.add(e.asLong());
        }
        return ids;
    }

    Map<String, Optional<String>> paymentMap() {
        JsonNode n = node.get("payment_method_map");
        Map<String, Optional<String>> map = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return map;
        }
        if (!n.isObject()) {
            errors.add("payment_method_map: expected an object");
            return map;
        }
        n.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNull() || (v.isTextual() && "None".equals(v.asText()))) {
                map.put(e.getKey(), Optional.empty());
            } else if (v.isTextual() && !v.asText().isBlank()) {
                map.put(e.getKey(), Optional.of(v.asText().trim()));
            } else {
                errors.add("payment_method_map." + e.getKey() + ": expected a bank account id or null");
            }
        });
        return map;
    }

    Map<String, String> taxMap() {
        JsonNode n = node.get("tax_rate_map");
        Map<String, String> map = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return map;
        }
        if (!n.isObject()) {
            errors.add("tax_rate_map: expected an object");
            return map;
        }
        n.fields().forEachRemaining(e -> {
            String key;
            try {
                BigDecimal pct = new BigDecimal(e.getKey().trim());
                if (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                    errors.add("tax_rate_map." + e.getKey() + ": percentage must be between 0 and 100");
                    return;
                }
                key = SyncPolicy.canonicalTaxKey(pct);
            } catch (NumberFormatException ex) {
                errors.add("tax_rate_map." + e.getKey() + ": key must be a percentage such as \"20.00\"");
                return;
            }
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                errors.add("tax_rate_map." + e.getKey() + ": expected a Sage tax_rate_id string");
            } else if (map.putIfAbsent(key, e.getValue().asText().trim()) != null) {
                errors.add("tax_rate_map." + e.getKey() + ": duplicates key " + key + " after canonicalisation");
            }
        });
        return map;
    }

    CustomerNamePriority namePriority() {
        String s = text("customer_name_priority", null);
        if (s == null) {
            return CustomerNamePriority.COMPANY;
        }
        for (CustomerNamePriority p : CustomerNamePriority.values()) {
            if (p.wireName().equals(s)) {
                return p;
            }
        }
        errors.add("customer_name_priority: expected Company or Person");
        return CustomerNamePriority.COMPANY;
    }

    EuGoodsServicesType euType(String f, EuGoodsServicesType def) {
        String s = text(f, null);
        return s == null ? def : euValue(prefix + f, s, def);
    }

    EuGoodsServicesType euValue(String path, String s, EuGoodsServicesType def) {
        try {
            return EuGoodsServicesType.valueOf(s);
        } catch (IllegalArgumentException e) {
            errors.add(path + ": expected GOODS or SERVICES");
            return def;
        }
    }

    Map<String, EuGoodsServicesType> euMap(Map<String, EuGoodsServicesType> def) {
        JsonNode n = get("product_type_eu_goods_map");
        if (n == null) {
            return def;
        }
        // Entries override the documented defaults rather than replace the whole map, so adding one custom
        // type does not silently drop simple/virtual/etc.
        Map<String, EuGoodsServicesType> map = new LinkedHashMap<>(def);
        if (!n.isObject()) {
            errors.add("product_type_eu_goods_map: expected an object");
            return def;
        }
        n.fields().forEachRemaining(e -> map.put(e.getKey(),
                euValue("product_type_eu_goods_map." + e.getKey(), e.getValue().asText(),
                        EuGoodsServicesType.GOODS)));
        return map;
    }
}
