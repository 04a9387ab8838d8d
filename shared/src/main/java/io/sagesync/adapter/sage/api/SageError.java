package io.sagesync.adapter.sage.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of Sage's error array: {@code [{"$severity","$dataCode","$message","$source"}]}. Any field may be null.
 * {@code message} is Sage's English text and can echo submitted values, so it is kept for the caller to decide on
 * and never put into exception messages or logs by this package.
 *
 * @param severity e.g. {@code error}
 * @param dataCode machine code, e.g. {@code RecordInvalid}, {@code AuthorizationFailure}
 * @param message  human text, e.g. {@code This field is required.}
 * @param source   attribute path, e.g. {@code line_items.tax_rate_id}, or {@code base}
 */
public record SageError(String severity, String dataCode, String message, String source) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses an error body. Tolerates an empty or non-JSON body (gateway pages on 404/429/503) and a single error
     * object instead of an array, returning an empty list when nothing recognisable is there.
     */
    public static List<SageError> parseAll(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return List.of();
        }
        List<SageError> errors = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(node -> fromNode(node, errors));
        } else if (root != null) {
            fromNode(root, errors);
        }
        return List.copyOf(errors);
    }

    private static void fromNode(JsonNode node, List<SageError> into) {
        if (!node.isObject()) {
            return;
        }
        SageError e = new SageError(text(node, "$severity"), text(node, "$dataCode"), text(node, "$message"),
                text(node, "$source"));
        if (e.severity() != null || e.dataCode() != null || e.message() != null || e.source() != null) {
            into.add(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
