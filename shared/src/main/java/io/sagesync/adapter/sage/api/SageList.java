package io.sagesync.adapter.sage.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sage's list wrapper ({@code $total, $page, $next, $back, $itemsPerPage, $items}). The Swagger spec wrongly declares
 * plain arrays and Sage's own examples spell the page size both {@code $itemsPerPage} and {@code $items_per_page},
 * so this is hand-written and lenient. Jackson types stay inside the adapter package.
 *
 * @param items        the page's items
 * @param next         path of the next page, or null on the last page
 * @param total        {@code $total}, or null if absent
 * @param itemsPerPage page size under either spelling, or null if absent
 */
public record SageList(List<JsonNode> items, String next, Long total, Integer itemsPerPage) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public SageList {
        items = List.copyOf(items);
        next = next == null || next.isBlank() ? null : next;
    }

    /**
     * Parses a list body; a bare JSON array (as the Swagger spec claims) is read as a single, final page.
     *
     * @throws IllegalArgumentException if the body is not JSON or neither an array nor an object
     */
    public static SageList parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Sage list body is not JSON", e);
        }
        if (root != null && root.isArray()) {
            return new SageList(elements(root), null, (long) root.size(), null);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Sage list body is neither an object nor an array");
        }
        JsonNode perPage = root.has("$itemsPerPage") ? root.get("$itemsPerPage") : root.get("$items_per_page");
        JsonNode total = root.get("$total");
        JsonNode next = root.get("$next");
        return new SageList(elements(root.path("$items")),
                next != null && next.isTextual() ? next.asText() : null,
                total != null && total.canConvertToLong() ? total.asLong() : null,
                perPage != null && perPage.canConvertToInt() ? perPage.asInt() : null);
    }

    /** The items as compact JSON strings, for callers outside the adapter package. */
    public List<String> rawItems() {
        return items.stream().map(JsonNode::toString).toList();
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }
}
