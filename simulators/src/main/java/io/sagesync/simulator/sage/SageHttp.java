package io.sagesync.simulator.sage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/** HTTP plumbing shared by the simulator's endpoints: replies, Sage's error array, form parsing, ids. */
final class SageHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    private SageHttp() {
    }

    /** One reply: status, JSON body (null = none) and extra headers. */
    record Reply(int status, JsonNode body, Map<String, String> headers) {
        Reply(int status, JsonNode body) {
            this(status, body, Map.of());
        }
    }

    static Reply unexpectedError() {
        return new Reply(500, errorArray(List.of(new SageApiException.SageError(
                "UnexpectedError", "An unexpected error occurred.", ""))));
    }

    static Reply faultReply(SageFaults.Fault fault) {
        Map<String, String> headers = fault.retryAfter() == null ? Map.of()
                : Map.of("Retry-After", Long.toString(fault.retryAfter().toSeconds()));
        // gateway-style faults: Sage documents no body for 429/503, so send an empty JSON array
        return new Reply(fault.status(), JSON.createArrayNode(), headers);
    }

    static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] bytes = reply.body() == null ? new byte[0] : JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (reply.status() == 204 || bytes.length == 0) {
            exchange.sendResponseHeaders(reply.status(), -1);
        } else {
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    static JsonNode errorArray(List<SageApiException.SageError> errors) {
        ArrayNode array = JSON.createArrayNode();
        for (SageApiException.SageError error : errors) {
            array.addObject().put("$severity", "error").put("$dataCode", error.dataCode())
                    .put("$message", error.message()).put("$source", error.source());
        }
        return array;
    }

    static void sleep(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> parseForm(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    static int intParam(Map<String, String> query, String name, int fallback) {
        try {
            return query.containsKey(name) ? Integer.parseInt(query.get(name)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** Deterministic, thread-safe 32-hex id source. */
    static Supplier<String> seededHexIds(long seed) {
        Random random = new Random(seed);
        return () -> {
            byte[] bytes = new byte[16];
            synchronized (random) {
                random.nextBytes(bytes);
            }
            return HexFormat.of().formatHex(bytes);
        };
    }
}
