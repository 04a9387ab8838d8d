package io.sagesync.simulator.sage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * The Swagger 2.0 → JSON Schema draft-4 rewrite behind {@link SwaggerBodyValidator} (its class comment lists the
 * deliberate deviations: strict unknown properties, decimals as strings, response maxLengths on request bodies,
 * {@code idempotency_id} allowed in resource objects).
 */
final class SwaggerSchemaRewrite {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String IDEMPOTENCY_ID = "idempotency_id";
    private static final String DEFINITIONS_PREFIX = "#/definitions/";

    private final JsonNode paths;
    private final ObjectNode definitions;

    SwaggerSchemaRewrite(JsonNode paths, ObjectNode definitions) {
        this.paths = paths;
        this.definitions = definitions;
    }

    /** Rewrites one Swagger schema node into the draft-4 dialect described in the class Javadoc. */
    static JsonNode rewrite(JsonNode node) {
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(item -> copy.add(rewrite(item)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.startsWith("x-") || "description".equals(key) || "example".equals(key)) {
                continue;
            }
            if ("format".equals(key) && !"date".equals(value.asText())) {
                continue;
            }
            if ("properties".equals(key) && value.isObject()) {
                // property *names* are data, not keywords: keep them all, rewrite their schemas
                ObjectNode properties = NODES.objectNode();
                value.fields().forEachRemaining(p -> properties.set(p.getKey(), rewrite(p.getValue())));
                copy.set(key, properties);
            } else {
                copy.set(key, rewrite(value));
            }
        }
        if ("number".equals(copy.path("type").asText(null))) {
            ArrayNode types = NODES.arrayNode().add("number").add("string");
            copy.set("type", types);
            copy.put("pattern", SwaggerBodyValidator.DECIMAL_PATTERN); // applies to the string alternative only
        }
        if (copy.has("properties") && !copy.has("additionalProperties")) {
            copy.put("additionalProperties", false);
        }
        return copy;
    }

    /** Adds {@code idempotency_id} to the resource object (the single wrapped root property) of POST/PUT bodies. */
    static void allowIdempotencyId(String definitionName, JsonNode definition) {
        if (!definitionName.startsWith("post") && !definitionName.startsWith("put")) {
            return;
        }
        definition.path("properties").forEach(resource -> {
            if (resource.isObject() && resource.has("properties")) {
                ((ObjectNode) resource.get("properties")).set(IDEMPOTENCY_ID, NODES.objectNode().put("type", "string"));
            }
        });
    }

    /** Copies response-schema maxLengths onto same-named string properties of each operation's body definition. */
    void inheritResponseMaxLengths() {
        paths.forEach(pathItem -> pathItem.fields().forEachRemaining(op -> {
            JsonNode operation = op.getValue();
            String bodyRef = null;
            for (JsonNode parameter : operation.path("parameters")) {
                if ("body".equals(parameter.path("in").asText())) {
                    bodyRef = parameter.path("schema").path("$ref").asText(null);
                }
            }
            String responseRef = null;
            for (JsonNode response : operation.path("responses")) {
                String ref = response.path("schema").path("$ref").asText(null);
                if (ref != null) {
                    responseRef = ref;
                    break;
                }
            }
            if (bodyRef == null || responseRef == null
                    || !bodyRef.startsWith(DEFINITIONS_PREFIX) || !responseRef.startsWith(DEFINITIONS_PREFIX)) {
                return;
            }
            JsonNode body = definitions.get(bodyRef.substring(DEFINITIONS_PREFIX.length()));
            if (body == null) {
                return;
            }
            JsonNode responseSchema = definitions.get(responseRef.substring(DEFINITIONS_PREFIX.length()));
            body.path("properties").forEach(resource -> mergeMaxLengths(resource, responseSchema, 0));
        }));
    }

    private void mergeMaxLengths(JsonNode request, JsonNode response, int depth) {
        if (request == null || response == null || depth > 4) {
            return;
        }
        response = resolve(response);
        if (request.isObject() && request.has("properties") && response.has("properties")) {
            Iterator<Map.Entry<String, JsonNode>> fields = request.get("properties").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode responseProperty = response.get("properties").get(field.getKey());
                if (responseProperty == null) {
                    continue;
                }
                JsonNode requestProperty = field.getValue();
                JsonNode resolved = resolve(responseProperty);
                if (resolved.has("maxLength") && "string".equals(requestProperty.path("type").asText())
                        && !requestProperty.has("maxLength") && requestProperty.isObject()) {
                    ((ObjectNode) requestProperty).set("maxLength", resolved.get("maxLength"));
                } else if (requestProperty.has("items") && resolved.has("items")) {
                    mergeMaxLengths(requestProperty.get("items"), resolved.get("items"), depth + 1);
                } else {
                    mergeMaxLengths(requestProperty, resolved, depth + 1);
                }
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref != null && ref.startsWith(DEFINITIONS_PREFIX)) {
            JsonNode target = definitions.get(ref.substring(DEFINITIONS_PREFIX.length()));
            return target == null ? schema : target;
        }
        return schema;
    }

}
