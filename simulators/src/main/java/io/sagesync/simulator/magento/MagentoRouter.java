package io.sagesync.simulator.magento;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Magento's REST front door for the simulator: matches {@code /rest[/store]/V1/byte8/...}, counts requests, checks
 * the inbound JWT (recording each rejection reason) and hands the request to its resource.
 */
final class MagentoRouter {
    /** PHP {@code date('c')} in UTC, e.g. 2026-04-30T10:12:00+00:00. */
    private static final DateTimeFormatter PHP_DATE_C =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final Pattern ROUTE = Pattern.compile("^/rest/(?:(?!V1/)[A-Za-z0-9_]+/)?V1/byte8/(.+)$");
    private static final Pattern ENTITY_ROUTE =
            Pattern.compile("^(invoice|creditmemo|customer|product|payment)/([^/]+)$");

    private final Clock clock;
    private final MagentoJwt jwt = new MagentoJwt();
    private final EntityResource entities;
    private final PairingResource pairing;
    private final SyncStateResource syncStates;
    private volatile boolean forceUnauthorized;
    private final List<MagentoJwt.Rejection> rejections = new ArrayList<>();
    private final AtomicInteger acceptedTokens = new AtomicInteger();
    private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();

    MagentoRouter(Clock clock, EntityResource entities, PairingResource pairing, SyncStateResource syncStates) {
        this.clock = clock;
        this.entities = entities;
        this.pairing = pairing;
        this.syncStates = syncStates;
    }

    void forceUnauthorized(boolean on) {
        this.forceUnauthorized = on;
    }

    synchronized List<MagentoJwt.Rejection> rejections() {
        return List.copyOf(rejections);
    }

    int acceptedTokens() {
        return acceptedTokens.get();
    }

    int requestCount(String path) {
        AtomicInteger count = requestCounts.get(normalise(path));
        return count == null ? 0 : count.get();
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher route = ROUTE.matcher(exchange.getRequestURI().getRawPath());
            if (!route.matches()) {
                MagentoHttp.send(exchange, 404, MagentoHttp.NO_ROUTE_JSON);
                return;
            }
            String resource = route.group(1);
            requestCounts.computeIfAbsent(resource, r -> new AtomicInteger()).incrementAndGet();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("POST") && resource.equals("setup/pair")) {
                pairing.pair(exchange, body);
                return;
            }
            Matcher entity = ENTITY_ROUTE.matcher(resource);
            boolean known = method.equals("GET") && (entity.matches() || resource.equals("ping")
                    || resource.equals("payment-methods"))
                    || method.equals("POST") && resource.equals("sync-state");
            if (!known) {
                MagentoHttp.send(exchange, 404, MagentoHttp.NO_ROUTE_JSON);
                return;
            }
            if (!authorised(exchange)) {
                MagentoHttp.send(exchange, 401, MagentoHttp.UNAUTHORIZED_JSON);
                return;
            }
            if (entity.matches()) {
                entities.get(exchange, entity.group(1), entity.group(2));
            } else if (resource.equals("ping")) {
                String ts = PHP_DATE_C.format(clock.instant());
                MagentoHttp.send(exchange, 200, PhpJson.encode(List.of(true, pairing.tenantId(), ts)));
            } else if (resource.equals("payment-methods")) {
                entities.paymentMethods(exchange);
            } else {
                syncStates.upsert(exchange, body);
            }
        } catch (RuntimeException e) {
            MagentoHttp.send(exchange, 500, MagentoHttp.INTERNAL_ERROR_JSON);
        }
    }

    private boolean authorised(HttpExchange exchange) {
        if (forceUnauthorized) {
            return false;
        }
        MagentoJwt.Verification verification = jwt.verifyInbound(exchange.getRequestHeaders()
                .getFirst("Authorization"), pairing.apiKey(), pairing.tenantId(), clock.instant());
        if (!verification.accepted()) {
            synchronized (this) {
                rejections.add(verification.rejection());
            }
            return false;
        }
        acceptedTokens.incrementAndGet();
        return true;
    }

    private static String normalise(String path) {
        Matcher route = ROUTE.matcher(path);
        return route.matches() ? route.group(1) : path.replaceFirst("^/+", "").replaceFirst("^V1/byte8/", "");
    }
}
