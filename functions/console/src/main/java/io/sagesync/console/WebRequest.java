package io.sagesync.console;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP API (payload 2.0) request as the console reads it: method, path, query, lower-cased headers, cookies and
 * a decoded form body. Repeated parameters keep their first value.
 */
record WebRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                  Map<String, String> cookies, Map<String, String> form, String sourceIp) {
    /** Forms are small; anything larger is not ours. */
    static final int MAX_BODY = 64 * 1024;

    static WebRequest from(APIGatewayV2HTTPEvent event) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        String method = http == null ? "GET" : http.getMethod();
        String path = event.getRawPath() == null ? "/" : event.getRawPath();
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        }
        Map<String, String> cookies = new HashMap<>();
        List<String> raw = event.getCookies();
        if (raw == null && headers.containsKey("cookie")) {
            raw = List.of(headers.get("cookie").split(";"));
        }
        if (raw != null) {
            for (String c : raw) {
                int eq = c.indexOf('=');
                if (eq > 0) {
                    cookies.putIfAbsent(c.substring(0, eq).trim(), c.substring(eq + 1).trim());
                }
            }
        }
        String body = body(event);
        Map<String, String> form = headers.getOrDefault("content-type", "")
                .startsWith("application/x-www-form-urlencoded") ? parse(body) : Map.of();
        return new WebRequest(method.toUpperCase(Locale.ROOT), path, parse(event.getRawQueryString()), headers,
                cookies, form, http == null ? "" : http.getSourceIp());
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || body.length() > MAX_BODY * 2) {
            return "";
        }
        if (event.getIsBase64Encoded()) {
            try {
                return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return body;
    }

    static Map<String, String> parse(String encoded) {
        Map<String, String> out = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // a broken escape drops that one parameter
            }
        }
        return out;
    }

    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    String param(String name) {
        String v = query.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
