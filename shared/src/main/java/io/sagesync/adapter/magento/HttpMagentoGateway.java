package io.sagesync.adapter.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.log.Log;
import io.sagesync.port.MagentoCallException.Kind;
import io.sagesync.port.MagentoCallException;
import io.sagesync.port.MagentoGateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link MagentoGateway} over the JDK {@link HttpClient} against the Byte8 module's REST routes (wire contract §d).
 *
 * <p>The bearer token supplier is called for <b>every</b> request: Magento's replay guard accepts each {@code jti}
 * once, so a token can never be reused, not even for a retry. The injected client must not follow redirects (see
 * {@link io.sagesync.adapter.http.JdkHttpClients}); a 3xx is reported as transient.
 */
public final class HttpMagentoGateway implements MagentoGateway {
    private static final Log LOG = Log.of(HttpMagentoGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Magento binds last_sync_at raw into a MySQL timestamp; ISO-8601 "T…Z" fails under strict SQL mode. */
    static final DateTimeFormatter LAST_SYNC_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    /** Magento's error texts are short templates; anything longer is noise in a log line or a run reason. */
    static final int MAX_ERROR_TEXT = 200;

    private final HttpClient http;
    private final Supplier<String> baseUrl;
    private final Supplier<String> bearerTokenSupplier;
    private final Duration timeout;
    private final java.util.function.BooleanSupplier keyChanged;

    /**
     * A canonical invoice with hundreds of lines is tens of KiB; 4 MiB refuses a runaway or hostile response before
     * it fills the Lambda's memory.
     */
    static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

    /**
     * @param http                shared client, built once per execution environment, no redirects
     * @param baseUrl             the merchant's Magento base URL, e.g. {@code https://shop.example.com}
     * @param bearerTokenSupplier signs a fresh inbound JWT (new {@code jti}) on each call
     * @param timeout             per-request timeout (response headers must arrive within it)
     */
    public HttpMagentoGateway(HttpClient http, String baseUrl, Supplier<String> bearerTokenSupplier,
                              Duration timeout) {
        this(http, constant(Objects.requireNonNull(baseUrl, "baseUrl")), bearerTokenSupplier, timeout);
    }

    /**
     * @param baseUrl the shop's base URL, read per request: a deployed stack learns it at pairing (it is stored
     *                with the api_key), so it cannot be fixed at construction
     */
    public HttpMagentoGateway(HttpClient http, Supplier<String> baseUrl, Supplier<String> bearerTokenSupplier,
                              Duration timeout) {
        this(http, baseUrl, bearerTokenSupplier, timeout, () -> false);
    }

    /**
     * @param timeout    total deadline of each call: connect, headers and body
     * @param keyChanged re-reads the api_key past its cache and says whether it changed (re-pairing): a 401/403 is
     *                   then retried once with a token signed by the new key before it counts as revoked
     */
    public HttpMagentoGateway(HttpClient http, Supplier<String> baseUrl, Supplier<String> bearerTokenSupplier,
                              Duration timeout, java.util.function.BooleanSupplier keyChanged) {
        this.http = Objects.requireNonNull(http, "http");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.bearerTokenSupplier = Objects.requireNonNull(bearerTokenSupplier, "bearerTokenSupplier");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.keyChanged = Objects.requireNonNull(keyChanged, "keyChanged");
    }

    @Override
    public String fetchCanonical(EntityType type, long magentoId) {
        Objects.requireNonNull(type, "type");
        requirePositive(magentoId);
        return send(type.wireName(), "GET", type.wireName() + "/" + magentoId, null);
    }

    @Override
    public String fetchPayment(long invoiceId) {
        requirePositive(invoiceId);
        return send("payment", "GET", "payment/" + invoiceId, null);
    }

    @Override
    public void pushSyncState(SyncStateUpdate update) {
        send("sync-state", "POST", "sync-state", syncStateJson(update));
    }

    @Override
    public void ping() {
        // Magento re-indexes the associative array /ping returns into a list: any 200 means alive.
        send("ping", "GET", "ping", null);
    }

    /** The callback body: every key always present (null clears the column, since Magento overwrites the row). */
    static String syncStateJson(SyncStateUpdate u) {
        ObjectNode body = JSON.createObjectNode();
        body.put("entity_type", u.entityType().wireName());
        body.put("magento_entity_id", u.magentoEntityId());
        body.put("provider", u.provider());
        body.put("sync_status", u.syncStatus().wireName());
        body.put("provider_entity_id", u.providerEntityId());
        body.put("provider_reference", u.providerReference());
        body.put("skip_reason", u.skipReason());
        body.put("error_code", u.errorCode());
        body.put("last_sync_at", LAST_SYNC_AT.format(u.lastSyncAt().truncatedTo(ChronoUnit.SECONDS)));
        return body.toString();
    }

    private static Supplier<String> constant(String value) {
        return () -> value;
    }

    private String send(String route, String method, String relativePath, String jsonBody) {
        try {
            return sendOnce(route, method, relativePath, jsonBody);
        } catch (MagentoCallException e) {
            if (e.kind() == Kind.AUTH && keyChanged.getAsBoolean()) {
                LOG.info("magento refused our token; retrying once with the re-read api_key", "route", route);
                return sendOnce(route, method, relativePath, jsonBody);
            }
            throw e;
        }
    }

    private String sendOnce(String route, String method, String relativePath, String jsonBody) {
        String shop = baseUrl.get();
        if (shop == null || shop.isBlank()) {
            // not paired yet: transient from the job's point of view (it succeeds once pairing stores the URL)
            throw new MagentoCallException(MagentoCallException.Kind.TRANSIENT, 0,
                    "Magento base URL unknown: pair the stack or set MagentoBaseUrl");
        }
        String restBase = stripTrailingSlashes(shop) + "/rest/V1/byte8/";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(restBase + relativePath))
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearerTokenSupplier.get())
                .header("Accept", "application/json");
        if (jsonBody == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = io.sagesync.adapter.http.CappedBody.send(http, request.build(), MAX_BODY_BYTES, timeout);
        } catch (io.sagesync.adapter.http.CappedBody.TooLargeException e) {
            throw new MagentoCallException(Kind.REJECTED, 0, "Magento " + route + " " + e.getMessage(), e);
        } catch (HttpTimeoutException e) {
            LOG.warn("magento call timed out", "route", route, "method", method);
            throw new MagentoCallException(Kind.TRANSIENT, 0, "Magento " + route + " timed out", e);
        } catch (IOException e) {
            LOG.warn("magento call failed", "route", route, "method", method, "error", e.getClass().getSimpleName());
            throw new MagentoCallException(Kind.TRANSIENT, 0,
                    "Magento " + route + " unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MagentoCallException(Kind.TRANSIENT, 0, "Magento " + route + " call interrupted", e);
        }
        int status = response.statusCode();
        LOG.info("magento call", "route", route, "method", method, "status", status);
        if (status >= 200 && status < 300) {
            return response.body();
        }
        throw failure(route, status, response.body());
    }

    private static MagentoCallException failure(String route, int status, String body) {
        String prefix = "Magento " + route + " answered " + status;
        Kind kind = kindOf(status);
        if (kind == Kind.REJECTED) {
            String text = errorText(body);
            return new MagentoCallException(kind, status, text == null ? prefix : prefix + ": " + text);
        }
        return new MagentoCallException(kind, status, prefix);
    }

    /** What a non-2xx status means for the caller; classified here once for every Magento call. */
    static Kind kindOf(int status) {
        if (status == 404) {
            return Kind.NOT_FOUND;
        }
        if (status == 401 || status == 403) {
            return Kind.AUTH;
        }
        if (status == 408 || status == 429) {
            // A WAF/CDN in front of the shop throttling or timing us out: the request was fine, try later.
            return Kind.TRANSIENT;
        }
        return status >= 400 && status < 500 ? Kind.REJECTED : Kind.TRANSIENT;
    }

    /**
     * Magento's {@code {"message": "...", "parameters": ...}} envelope: only the message template is kept. Magento
     * leaves placeholders such as {@code %fieldValue} unsubstituted and carries the values in {@code parameters},
     * which we drop, so entity data (emails, names) does not travel into logs or run records.
     */
    static String errorText(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode message = JSON.readTree(body).path("message");
            if (!message.isTextual()) {
                return null;
            }
            String text = message.asText().replaceAll("\\p{Cntrl}", " ").strip();
            return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT);
        } catch (IOException e) {
            return null;
        }
    }

    private static void requirePositive(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("Magento entity id must be positive");
        }
    }

    private static String stripTrailingSlashes(String url) {
        String s = url.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
