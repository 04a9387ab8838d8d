package io.sagesync.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployed HTTP API, locally: each request to {@code POST /webhooks/magento/{tenant_id}/{event}} becomes the
 * payload-2.0 event API Gateway would send (lower-cased headers, path parameters, request context, base64 for
 * non-text bodies) and is handed to the webhook handler in this JVM. Other routes get HTTP API's own 404.
 */
final class ApiGatewayEmulator implements AutoCloseable {
    private static final Pattern ROUTE = Pattern.compile("^/webhooks/magento/([^/]+)/([^/]+)$");
    /** HTTP API's payload limit is 10 MB; the function refuses anything over 64 KiB itself. */
    private static final int MAX_BODY = 10 * 1024 * 1024;

    private final HttpServer server;
    /** The console function's routes (template.yaml): the module's /v1 calls, /embed/{tenant}, /dashboard... */
    private static final Pattern CONSOLE = Pattern.compile(
            "^/v1/(tile/health|status|tenant/disconnect)$|^/embed/[^/]+$|^/dashboard(/.*)?$");

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> console;
    /** The admin function's one public route, {@code GET /sage/oauth/callback} (Connect Sage's return). */
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> oauthCallback;
    private final Clock clock;

    ApiGatewayEmulator(int port, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                       Clock clock) throws IOException {
        this(port, handler, null, clock);
    }

    ApiGatewayEmulator(int port, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                       RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> console,
                       Clock clock) throws IOException {
        this(port, handler, console, null, clock);
    }

    ApiGatewayEmulator(int port, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                       RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> console,
                       RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> oauthCallback,
                       Clock clock) throws IOException {
        this.handler = handler;
        this.console = console;
        this.oauthCallback = oauthCallback;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Matcher route = ROUTE.matcher(path);
            boolean webhook = "POST".equals(exchange.getRequestMethod()) && route.matches();
            boolean toConsole = !webhook && console != null && CONSOLE.matcher(path).matches();
            boolean toCallback = oauthCallback != null && "GET".equals(exchange.getRequestMethod())
                    && "/sage/oauth/callback".equals(path);
            if (!webhook && !toConsole && !toCallback) {
                respond(exchange, 404, "{\"message\":\"Not Found\"}");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                respond(exchange, 413, "{\"message\":\"Request Entity Too Large\"}");
                return;
            }
            APIGatewayV2HTTPEvent event = toEvent(exchange, webhook ? route : null, body);
            APIGatewayV2HTTPResponse response = toCallback
                    ? oauthCallback.handleRequest(event, new LocalContext("admin", 30_000))
                    : toConsole ? console.handleRequest(event, new LocalContext("console", 10_000))
                    : handler.handleRequest(event, new LocalContext("webhook", 10_000));
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            }
            if (response.getCookies() != null) {
                response.getCookies().forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c));
            }
            respond(exchange, response.getStatusCode(), response.getBody() == null ? "" : response.getBody());
        } catch (RuntimeException e) {
            // what API Gateway does when the integration fails
            respond(exchange, 500, "{\"message\":\"Internal Server Error\"}");
        }
    }

    private APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, Matcher route, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new java.util.ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                // payload 2.0 moves cookies out of the headers into their own list
                values.forEach(v -> java.util.Arrays.stream(v.split(";")).map(String::trim)
                        .filter(c -> !c.isEmpty()).forEach(cookies::add));
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        headers.put("x-forwarded-proto", "http");
        String method = exchange.getRequestMethod();
        String routeKey = route == null ? method + " " + exchange.getRequestURI().getRawPath()
                : "POST /webhooks/magento/{tenant_id}/{event}";
        boolean text = isText(headers.get("content-type"));
        long now = clock.millis();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString(query == null ? "" : query)
                .withQueryStringParameters(query == null ? null : queryParameters(query))
                .withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withPathParameters(route == null ? null
                        : Map.of("tenant_id", decode(route.group(1)), "event", decode(route.group(2))))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("000000000000")
                        .withApiId("local")
                        .withDomainName("127.0.0.1")
                        .withStage("$default")
                        .withRouteKey(routeKey)
                        .withRequestId(UUID.randomUUID().toString())
                        .withTimeEpoch(now)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withProtocol("HTTP/1.1")
                                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                                .withUserAgent(headers.getOrDefault("user-agent", "")).build())
                        .build())
                .withBody(text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(!text)
                .build();
    }

    /** HTTP API passes JSON and text through as strings and base64-encodes everything else. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.startsWith("text/") || ct.contains("json") || ct.contains("xml")
                || ct.startsWith("application/x-www-form-urlencoded");
    }

    /** As HTTP API decodes them (a repeated name keeps its values comma-joined). */
    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.merge(name, value, (a, b) -> a + "," + b);
        }
        return out;
    }

    private static String decode(String raw) {
        return java.net.URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
