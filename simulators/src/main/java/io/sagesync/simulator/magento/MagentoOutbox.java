package io.sagesync.simulator.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Emulates the Byte8 client's {@code byte8_event_outbox} and its drain cron (wire contract §b, §h): enqueue with
 * idempotency-key dedupe and a once-computed body, then deliver signed webhooks with Magento's classification and
 * backoff. Time comes from the injected clock, so tests advance it instead of waiting.
 */
public final class MagentoOutbox {

    /** Rows per drain run, as the cron does. */
    public static final int BATCH_SIZE = 50;
    /** Backoff after the n-th transient failure (index n-1); the last value repeats. */
    static final long[] BACKOFF_SECONDS = {60, 300, 1800, 7200, 21600, 43200, 86400};
    /** The 10th transient failure dead-letters the row. */
    static final int MAX_TRANSIENT_FAILURES = 10;
    private static final int MAX_ERROR_BODY_BYTES = 8192;
    private static final DateTimeFormatter GMDATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MagentoSimulator magento;
    private final Clock clock;
    private final Supplier<String> jtiSupplier;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final List<Row> rows = new ArrayList<>();
    private long nextId = 1;

    /** Mutable row state; exposed only as {@link OutboxRow} snapshots. */
    private static final class Row {
        final long id;
        final String idempotencyKey;
        final String eventName;
        final String body;
        final Instant createdAt;
        String status = "pending";
        int attempts;
        Integer lastStatusCode;
        Instant lastAttemptAt;
        Instant nextAttemptAt;
        String lastError;
        String syncRunId;

        Row(long id, String idempotencyKey, String eventName, String body, Instant createdAt) {
            this.id = id;
            this.idempotencyKey = idempotencyKey;
            this.eventName = eventName;
            this.body = body;
            this.createdAt = createdAt;
        }

        OutboxRow snapshot() {
            return new OutboxRow(id, idempotencyKey, eventName, body, status, attempts, lastStatusCode,
                    lastAttemptAt, nextAttemptAt, lastError, createdAt, syncRunId);
        }
    }

    /** Outbox for the given store, using its clock, credentials and mirror; random v4 jtis; 5 s / 15 s timeouts. */
    public MagentoOutbox(MagentoSimulator magento) {
        this(magento, () -> UUID.randomUUID().toString(), Duration.ofSeconds(15));
    }

    /**
     * Full control for tests.
     *
     * @param jtiSupplier jti for each freshly minted webhook token
     * @param requestTimeout total per-request timeout (Magento: 15 s); shorten it to test timeouts quickly
     */
    public MagentoOutbox(MagentoSimulator magento, Supplier<String> jtiSupplier, Duration requestTimeout) {
        this.magento = magento;
        this.clock = magento.clock();
        this.jtiSupplier = jtiSupplier;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * What an observer does: enqueue {@code {event}:{entityId}} unless any row with that key exists, and mark the
     * mirror row pending (never regressing a terminal status). Silently does nothing when the store is not paired.
     *
     * @param payload the event payload object, e.g. {@code {"increment_id":"000000042","paid":true}}
     * @return the new row, or empty when dropped (duplicate key or not paired)
     */
    public synchronized Optional<OutboxRow> raise(String event, long entityId, long websiteId, long storeId,
                                                  Map<String, ?> payload) {
        if (magento.tenantId() == null || magento.apiKey() == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        magento.markPending(entityTypeOf(event), entityId);
        String key = event + ":" + entityId;
        if (rows.stream().anyMatch(row -> row.idempotencyKey.equals(key))) {
            return Optional.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("magento_entity_id", entityId);
        body.put("website_id", websiteId);
        body.put("store_id", storeId);
        body.put("occurred_at", GMDATE.format(now));
        body.put("payload", new LinkedHashMap<>(payload));
        Row row = new Row(nextId++, key, event, PhpJson.encodeUnescapedSlashes(body), now);
        rows.add(row);
        return Optional.of(row.snapshot());
    }

    /** Drains to the ledger base URL stored at pairing. */
    public List<OutboxRow> drain() {
        String base = magento.ledgerBaseUrl();
        if (base == null) {
            return List.of();
        }
        return drain(base);
    }

    /**
     * One cron run: up to 50 due pending rows by id, each POSTed and classified. Not paired: nothing happens.
     *
     * @return snapshots of the rows attempted in this run, after classification
     */
    public List<OutboxRow> drain(String ledgerBaseUrl) {
        String tenant = magento.tenantId();
        String apiKey = magento.apiKey();
        if (tenant == null || apiKey == null) {
            return List.of();
        }
        List<Row> due;
        Instant now = clock.instant();
        synchronized (this) {
            due = rows.stream()
                    .filter(row -> row.status.equals("pending"))
                    .filter(row -> row.nextAttemptAt == null || !row.nextAttemptAt.isAfter(now))
                    .limit(BATCH_SIZE)
                    .toList();
        }
        String base = ledgerBaseUrl.replaceAll("/+$", "");
        List<OutboxRow> attempted = new ArrayList<>();
        for (Row row : due) {
            deliver(row, base, tenant, apiKey);
            synchronized (this) {
                attempted.add(row.snapshot());
            }
        }
        return attempted;
    }

    /** Snapshots of all rows in id order. */
    public synchronized List<OutboxRow> rows() {
        return rows.stream().map(Row::snapshot).toList();
    }

    /** The row with this idempotency key, if any. */
    public synchronized Optional<OutboxRow> row(String idempotencyKey) {
        return rows.stream().filter(r -> r.idempotencyKey.equals(idempotencyKey)).findFirst().map(Row::snapshot);
    }

    private void deliver(Row row, String base, String tenant, String apiKey) {
        Instant attemptAt = clock.instant();
        String url = base + "/webhooks/magento/" + rawUrlEncode(tenant) + "/" + rawUrlEncode(row.eventName);
        // A fresh token per attempt: the body and Idempotency-Key are replayed unchanged, the JWT never is.
        String token = MagentoJwt.signOutbound(apiKey, tenant, attemptAt, jtiSupplier.get());
        Integer statusCode = null;
        String responseBody = null;
        String transportError = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(requestTimeout)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", row.idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(row.body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            statusCode = response.statusCode();
            responseBody = truncate(response.body());
        } catch (IOException | IllegalArgumentException e) {
            transportError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transportError = "interrupted";
        }
        synchronized (this) {
            classify(row, attemptAt, statusCode, responseBody, transportError);
        }
    }

    private void classify(Row row, Instant attemptAt, Integer statusCode, String responseBody, String transportError) {
        row.attempts++;
        row.lastAttemptAt = attemptAt;
        row.lastStatusCode = statusCode;
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            row.status = "succeeded";
            row.nextAttemptAt = null;
            row.syncRunId = syncRunId(responseBody);
            return;
        }
        String error = statusCode != null ? "HTTP " + statusCode + ": " + responseBody : transportError;
        if (statusCode != null && statusCode >= 400 && statusCode < 500) {
            row.status = "dead_lettered";
            row.nextAttemptAt = null;
            row.lastError = error;
            return;
        }
        // Every earlier attempt of a still-pending row was a transient failure, so attempts = failure count.
        int transientFailures = row.attempts;
        if (transientFailures >= MAX_TRANSIENT_FAILURES) {
            row.status = "dead_lettered";
            row.nextAttemptAt = null;
            row.lastError = "transient_exhausted: " + error;
            return;
        }
        row.lastError = error;
        row.nextAttemptAt = attemptAt.plusSeconds(backoffSeconds(transientFailures));
    }

    /** Delay after the n-th transient failure (n >= 1). */
    static long backoffSeconds(int failureCount) {
        return BACKOFF_SECONDS[Math.min(failureCount, BACKOFF_SECONDS.length) - 1];
    }

    private static String syncRunId(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode id = json == null ? null : json.get("sync_run_id");
            return id != null && id.isValueNode() && !id.isNull() ? id.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String truncate(byte[] body) {
        byte[] kept = body.length > MAX_ERROR_BODY_BYTES ? Arrays.copyOf(body, MAX_ERROR_BODY_BYTES) : body;
        return new String(kept, StandardCharsets.UTF_8);
    }

    /** PHP {@code rawurlencode}: RFC 3986 unreserved characters stay literal, space becomes %20. */
    static String rawUrlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~")
                .replace("*", "%2A");
    }

    private static String entityTypeOf(String event) {
        int dot = event.indexOf('.');
        return dot < 0 ? event : event.substring(0, dot);
    }
}
