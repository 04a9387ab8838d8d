package io.sagesync.simulator.sage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON helpers shared by the simulated resources: links, decimals, dates, length checks. */
final class SageNodes {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SageNodes() {
    }

    /** A stable 32-hex id derived from a name, so reference data ids do not depend on the seed. */
    static String stableId(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode link(String id, String displayedAs, String path) {
        ObjectNode node = NODES.objectNode();
        node.put("id", id).put("displayed_as", displayedAs).put("$path", path);
        return node;
    }

    static ObjectNode linkOf(ObjectNode resource) {
        return link(resource.get("id").asText(), resource.get("displayed_as").asText(),
                resource.get("$path").asText());
    }

    static ObjectNode currencyLink(String currency) {
        String name = switch (currency) {
            case "GBP" -> "Pound Sterling (GBP)";
            case "EUR" -> "Euro (EUR)";
            case "USD" -> "US Dollar (USD)";
            default -> currency;
        };
        return link(currency, name, "/currencies/" + currency);
    }

    static String titleCase(String id) {
        String lower = id.replace('_', ' ').toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    static void requireLength(String source, String value, int max) {
        if (value != null && value.length() > max) {
            throw SageApiException.invalid(source, "is too long (maximum is " + max + " characters)");
        }
    }

    static LocalDate date(JsonNode body, String field) {
        try {
            return LocalDate.parse(body.path(field).asText(""));
        } catch (DateTimeParseException e) {
            throw SageApiException.invalid(field, "is not a valid date");
        }
    }

    static BigDecimal decimal(JsonNode node, String field, BigDecimal fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        try {
            return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw SageApiException.invalid(field, "is not a number");
        }
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static void copyIfPresent(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.has(field)) {
                to.set(field, from.get(field).deepCopy());
            }
        }
    }

    static void stamp(ObjectNode node, Clock clock) {
        String now = clock.instant().toString();
        if (!node.has("created_at")) {
            node.put("created_at", now);
        }
        node.put("updated_at", now);
    }

    static List<ObjectNode> copies(Map<String, ObjectNode> store) {
        return store.values().stream().map(ObjectNode::deepCopy).toList();
    }
}
