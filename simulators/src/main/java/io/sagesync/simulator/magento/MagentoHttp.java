package io.sagesync.simulator.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Magento's REST envelope as the simulator's resources answer it: JSON bodies, error messages, parameters. */
final class MagentoHttp {
    static final String UNAUTHORIZED_JSON =
            "{\"message\":\"The consumer isn't authorized to access %resources.\","
                    + "\"parameters\":{\"resources\":\"Byte8_Client::byte8_webapi\"}}";
    static final String NO_ROUTE_JSON = "{\"message\":\"Request does not match any route.\"}";
    static final String INTERNAL_ERROR_JSON =
            "{\"message\":\"Internal Error. Details are available in Magento log file.\"}";
    static final String DECODING_ERROR_JSON = "{\"message\":\"Decoding error.\"}";
    static final DateTimeFormatter MYSQL_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    private MagentoHttp() {
    }

    /** Reads a parameter by its snake_case or camelCase name; JSON null or absent gives null; scalars as text. */
    static String param(JsonNode json, String snake, String camel) {
        JsonNode value = json.hasNonNull(snake) ? json.get(snake) : json.get(camel);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.isBoolean() ? (value.booleanValue() ? "1" : "") : value.asText();
    }

    static String invalidIntJson(String rawValue) {
        return PhpJson.encode(Map.of("message", "The \"" + rawValue
                + "\" value's type is invalid. The \"int\" type was expected. Verify and try again."));
    }

    static String requiredFieldJson(String field) {
        return "{\"message\":\"\\\"%fieldName\\\" is required. Enter and try again.\",\"parameters\":{\"fieldName\":\""
                + field + "\"}}";
    }

    /** The body as a JSON object, or null when it is not one (Magento answers "Decoding error."). */
    static JsonNode parseObject(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
