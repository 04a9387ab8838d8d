package io.sagesync.simulator.sage;

import static io.sagesync.simulator.sage.SageHttp.JSON;
import static io.sagesync.simulator.sage.SageHttp.lower;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.simulator.sage.SageHttp.Reply;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Sage's list responses: the {@code $items} wrapper with {@code $total}, {@code $page}, {@code $next},
 * {@code $back}, {@code $itemsPerPage}; {@code attributes=} projection (only id, displayed_as and $path by default);
 * and the {@code search}/{@code email}/{@code contact_id}/date/status filters.
 */
final class SageListing {
    private SageListing() {
    }

    static Reply list(String collection, List<? extends JsonNode> all, Map<String, String> query,
                      Predicate<JsonNode> filter) {
        List<JsonNode> matches = all.stream().filter(filter).map(JsonNode.class::cast).toList();
        int perPage = Math.max(1, Math.min(200, SageHttp.intParam(query, "items_per_page", 20)));
        int pages = Math.max(1, (matches.size() + perPage - 1) / perPage);
        int page = Math.max(1, Math.min(pages, SageHttp.intParam(query, "page", 1)));
        List<String> attributes = query.containsKey("attributes")
                ? List.of(query.get("attributes").split(",")) : List.of();
        ArrayNode items = JSON.createArrayNode();
        matches.stream().skip((long) (page - 1) * perPage).limit(perPage)
                .forEach(item -> items.add(project(item, attributes)));
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.put("$total", matches.size()).put("$page", page);
        wrapper.put("$next", page < pages ? pagePath(collection, query, page + 1) : null);
        wrapper.put("$back", page > 1 ? pagePath(collection, query, page - 1) : null);
        wrapper.put("$itemsPerPage", perPage);
        wrapper.set("$items", items);
        return new Reply(200, wrapper);
    }

    private static JsonNode project(JsonNode item, List<String> attributes) {
        if (attributes.contains("all")) {
            return item;
        }
        ObjectNode projected = JSON.createObjectNode();
        for (String key : List.of("id", "displayed_as", "$path")) {
            projected.set(key, item.get(key));
        }
        for (String attribute : attributes) {
            String name = attribute.trim();
            if (item.has(name)) {
                projected.set(name, item.get(name));
            }
        }
        return projected;
    }

    private static String pagePath(String collection, Map<String, String> query, int page) {
        Map<String, String> params = new LinkedHashMap<>(query);
        params.put("page", Integer.toString(page));
        StringBuilder sb = new StringBuilder("/").append(collection).append('?');
        params.forEach((k, v) -> sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    static Predicate<JsonNode> contactFilter(Map<String, String> query) {
        String search = lower(query.get("search"));
        String email = lower(query.get("email"));
        String type = query.get("contact_type_id");
        return c -> (search == null || lower(c.path("name").asText()).contains(search)
                || lower(c.path("reference").asText()).contains(search))
                && (email == null || email.equals(lower(c.path("email").asText())))
                && (type == null || containsId(c.path("contact_types"), type));
    }

    /** Catalogue lists: {@code search} on item code or description, {@code active}. */
    static Predicate<JsonNode> itemFilter(Map<String, String> query) {
        String search = lower(query.get("search"));
        String active = query.get("active");
        return i -> (search == null || lower(i.path("item_code").asText()).contains(search)
                || lower(i.path("description").asText()).contains(search))
                && (active == null || Boolean.parseBoolean(active) == i.path("active").asBoolean(true));
    }

    static Predicate<JsonNode> artefactFilter(Map<String, String> query) {
        String search = lower(query.get("search"));
        String contactId = query.get("contact_id");
        LocalDate from = query.containsKey("from_date") ? LocalDate.parse(query.get("from_date")) : null;
        LocalDate to = query.containsKey("to_date") ? LocalDate.parse(query.get("to_date")) : null;
        String status = query.get("status_id");
        return a -> {
            LocalDate date = LocalDate.parse(a.path("date").asText());
            return (search == null || lower(a.path("reference").asText()).contains(search)
                    || lower(a.path("contact").path("displayed_as").asText()).contains(search)
                    || lower(a.path("contact_name").asText()).contains(search))
                    && (contactId == null || contactId.equals(a.path("contact").path("id").asText()))
                    && (from == null || !date.isBefore(from))
                    && (to == null || !date.isAfter(to))
                    && (status == null || status.equals(a.path("status").path("id").asText()));
        };
    }

    private static boolean containsId(JsonNode links, String id) {
        for (JsonNode link : links) {
            if (id.equals(link.path("id").asText())) {
                return true;
            }
        }
        return false;
    }
}
