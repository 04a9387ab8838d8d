package io.sagesync.simulator.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process stand-in for a Magento store running the Byte8 client + Sage module: the REST surface the chassis
 * calls (canonical GETs, ping, payment methods, sync-state, pairing), guarded by Magento's inbound JWT rules.
 *
 * <p>It is an independent implementation of the wire contract, so tests against it prove wire compatibility.
 * Observability ({@link #rejections()}, {@link #syncStates()}, {@link #requestCount(String)}) and fault knobs
 * ({@link #failNextGets}, {@link #delayNextGets}, {@link #forceUnauthorized}) exist for tests.
 */
public final class MagentoSimulator implements AutoCloseable {

    /** Provider code the Sage module writes into the mirror table. */
    public static final String PROVIDER = "sage_accounting";

    static final String UNAUTHORIZED_JSON =
            "{\"message\":\"The consumer isn't authorized to access %resources.\","
                    + "\"parameters\":{\"resources\":\"Byte8_Client::byte8_webapi\"}}";
    static final DateTimeFormatter MYSQL_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** PHP {@code date('c')} in UTC, e.g. 2026-04-30T10:12:00+00:00. */
    private static final DateTimeFormatter PHP_DATE_C =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final Pattern ROUTE = Pattern.compile("^/rest/(?:(?!V1/)[A-Za-z0-9_]+/)?V1/byte8/(.+)$");
    private static final Pattern ENTITY_ROUTE =
            Pattern.compile("^(invoice|creditmemo|customer|product|payment)/([^/]+)$");
    private static final Pattern HTTP_URL = Pattern.compile("^https?://[^/]+");
    private static final Set<String> SYNC_ENTITY_TYPES = Set.of("invoice", "creditmemo", "customer", "product");
    private static final Set<String> SYNC_STATUSES = Set.of("synced", "skipped", "failed");
    private static final long PAIRING_TTL_SECONDS = 1800;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_PAYMENT_METHODS = "[{\"code\":\"checkmo\",\"label\":\"Check \\/ Money order\","
            + "\"is_active\":true},{\"code\":\"banktransfer\",\"label\":\"Bank Transfer Payment\",\"is_active\":false},"
            + "{\"code\":\"purchaseorder\",\"label\":\"Purchase Order\",\"is_active\":false},"
            + "{\"code\":\"free\",\"label\":\"No Payment Information Required\",\"is_active\":true},"
            + "{\"code\":\"stripe_payments\",\"label\":\"Pay by Card\",\"is_active\":true}]";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final Random random;
    private final MagentoJwt jwt = new MagentoJwt();

    private volatile String tenantId;
    private volatile String apiKey;
    private volatile String ledgerBaseUrl;
    private volatile String pairingCodeHash;
    private volatile Instant pairingCodeIssuedAt;
    private volatile boolean forceUnauthorized;
    private volatile String paymentMethodsJson = DEFAULT_PAYMENT_METHODS;

    private final Map<String, Map<Long, String>> entities = new ConcurrentHashMap<>();
    private final Map<String, SyncStateRow> mirror = new LinkedHashMap<>();
    private final List<String> syncStateCalls = new ArrayList<>();
    private final List<MagentoJwt.Rejection> rejections = new ArrayList<>();
    private final AtomicInteger acceptedTokens = new AtomicInteger();
    private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> randomFaultCounts = new java.util.HashMap<>();
    private double randomFaultProbability;
    private java.util.Random randomFaultRandom;
    private int[] randomFaultStatuses = new int[0];
    /** Fault queue key for sync-state POSTs (not an entity type, so it never collides with GET faults). */
    private static final String SYNC_STATE_FAULTS = "POST sync-state";

    private record Fault(int status, Duration delay) {
    }

    private MagentoSimulator(Builder builder) {
        this.clock = builder.clock;
        this.random = builder.random;
        this.tenantId = builder.tenantId;
        this.apiKey = builder.apiKey;
        this.ledgerBaseUrl = builder.ledgerBaseUrl;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind Magento simulator", e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts building a simulator; call {@link Builder#start()} to bind and listen. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options for a {@link MagentoSimulator}. */
    public static final class Builder {
        private String tenantId;
        private String apiKey;
        private String ledgerBaseUrl;
        private Clock clock = Clock.systemUTC();
        private Random random = new SecureRandom();

        /** Tenant id as if already paired (leave unset to pair through setup/pair). */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Master api key as if already paired. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Ledger base URL as if already paired (used by {@link MagentoOutbox#drain()}). */
        public Builder ledgerBaseUrl(String ledgerBaseUrl) {
            this.ledgerBaseUrl = ledgerBaseUrl;
            return this;
        }

        /** Clock for JWT checks, pairing TTL, ping and mirror timestamps. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Randomness for pairing codes. */
        public Builder random(Random random) {
            this.random = random;
            return this;
        }

        /** Binds 127.0.0.1 on a random port and starts serving. */
        public MagentoSimulator start() {
            return new MagentoSimulator(this);
        }
    }

    /** {@code http://127.0.0.1:<port>} without trailing slash; REST paths live under {@code /rest/V1/byte8/}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- seeding ---------------------------------------------------------------------------------------------

    /** Seeds the canonical invoice answered by {@code GET invoice/{id}}. */
    public void putInvoice(long id, String canonicalJson) {
        put("invoice", id, canonicalJson);
    }

    /** Seeds {@code GET creditmemo/{id}}. */
    public void putCreditMemo(long id, String canonicalJson) {
        put("creditmemo", id, canonicalJson);
    }

    /** Seeds {@code GET customer/{id}}. */
    public void putCustomer(long id, String canonicalJson) {
        put("customer", id, canonicalJson);
    }

    /** Seeds {@code GET product/{id}}. */
    public void putProduct(long id, String canonicalJson) {
        put("product", id, canonicalJson);
    }

    /** Seeds {@code GET payment/{invoiceId}}. */
    public void putPayment(long invoiceId, String canonicalJson) {
        put("payment", invoiceId, canonicalJson);
    }

    /** Replaces the JSON list answered by {@code GET payment-methods}. */
    public void putPaymentMethods(String json) {
        this.paymentMethodsJson = json;
    }

    private void put(String type, long id, String json) {
        entities.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).put(id, json);
    }

    // ---- pairing -----------------------------------------------------------------------------------------------

    /** Emulates the admin "Generate Pairing Code" button: 32 lowercase hex chars, only the hash is kept. */
    public String generatePairingCode() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String code = HexFormat.of().formatHex(bytes);
        pairingCodeHash = sha256Hex(code);
        pairingCodeIssuedAt = clock.instant();
        return code;
    }

    /** Paired tenant id, or null. */
    public String tenantId() {
        return tenantId;
    }

    /** Paired master api key, or null. */
    public String apiKey() {
        return apiKey;
    }

    /** Ledger base URL stored at pairing (trailing slash stripped), or null. */
    public String ledgerBaseUrl() {
        return ledgerBaseUrl;
    }

    Clock clock() {
        return clock;
    }

    // ---- fault knobs -------------------------------------------------------------------------------------------

    /** The next {@code count} GETs of {@code entityType} (invoice, creditmemo, ...) answer {@code status}. */
    public void failNextGets(String entityType, int count, int status) {
        enqueueFaults(entityType, count, new Fault(status, Duration.ZERO));
    }

    /** The next {@code count} GETs of {@code entityType} stall for {@code delay} before answering normally. */
    public void delayNextGets(String entityType, int count, Duration delay) {
        enqueueFaults(entityType, count, new Fault(0, delay));
    }

    /**
     * The next {@code count} sync-state POSTs (after the JWT check) answer {@code status} without touching the
     * mirror: 5xx for an outage, 400 for Magento's validation, etc.
     */
    public void failNextSyncStates(int count, int status) {
        enqueueFaults(SYNC_STATE_FAULTS, count, new Fault(status, Duration.ZERO));
    }

    /**
     * Chaos: until turned off (probability 0), each canonical GET and sync-state POST that no queued fault takes
     * answers, with {@code probability}, one of {@code statuses} (e.g. 502, 503) chosen uniformly, without touching
     * state. {@code random} makes a run reproducible; {@link #randomFaultsInjected()} counts what was handed out.
     */
    public void randomFaults(double probability, java.util.Random random, int... statuses) {
        synchronized (randomFaultCounts) {
            this.randomFaultProbability = probability;
            this.randomFaultRandom = random;
            this.randomFaultStatuses = statuses.clone();
        }
    }

    /** Random faults handed out so far, by status. */
    public Map<Integer, Integer> randomFaultsInjected() {
        synchronized (randomFaultCounts) {
            return Map.copyOf(randomFaultCounts);
        }
    }

    /** While on, every JWT-guarded route answers 401 regardless of the token (e.g. a revoked integration). */
    public void forceUnauthorized(boolean on) {
        this.forceUnauthorized = on;
    }

    private void enqueueFaults(String entityType, int count, Fault fault) {
        Deque<Fault> queue = faults.computeIfAbsent(entityType, t -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < count; i++) {
                queue.addLast(fault);
            }
        }
    }

    // ---- observability -----------------------------------------------------------------------------------------

    /** Verifier rejection reasons, in order. */
    public synchronized List<MagentoJwt.Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /** Number of requests whose inbound JWT was accepted. */
    public int acceptedTokens() {
        return acceptedTokens.get();
    }

    /**
     * Requests received for a path, counted whatever the outcome. Accepts {@code /rest/V1/byte8/invoice/42},
     * {@code /rest/default/V1/...} or the short form {@code invoice/42}.
     */
    public int requestCount(String path) {
        AtomicInteger count = requestCounts.get(normalise(path));
        return count == null ? 0 : count.get();
    }

    /** All mirror rows in insertion order. */
    public synchronized List<SyncStateRow> syncStates() {
        return List.copyOf(mirror.values());
    }

    /** The mirror row for the Sage provider. */
    public Optional<SyncStateRow> syncState(String entityType, long magentoId) {
        return syncState(entityType, magentoId, PROVIDER);
    }

    /** The mirror row for any provider. */
    public synchronized Optional<SyncStateRow> syncState(String entityType, long magentoId, String provider) {
        return Optional.ofNullable(mirror.get(mirrorKey(entityType, magentoId, provider)));
    }

    /** Raw body of every accepted sync-state POST, in arrival order. */
    public synchronized List<String> syncStateCalls() {
        return List.copyOf(syncStateCalls);
    }

    /** Magento's {@code markPending}: insert a pending row, or only bump last_sync_at of an existing row. */
    synchronized void markPending(String entityType, long magentoId) {
        String key = mirrorKey(entityType, magentoId, PROVIDER);
        String now = MYSQL_UTC.format(clock.instant());
        SyncStateRow existing = mirror.get(key);
        mirror.put(key, existing == null
                ? new SyncStateRow(entityType, magentoId, PROVIDER, "pending", null, null, null, null, now)
                : new SyncStateRow(entityType, magentoId, PROVIDER, existing.syncStatus(), existing.providerEntityId(),
                        existing.providerReference(), existing.skipReason(), existing.errorCode(), now));
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher route = ROUTE.matcher(exchange.getRequestURI().getRawPath());
            if (!route.matches()) {
                send(exchange, 404, "{\"message\":\"Request does not match any route.\"}");
                return;
            }
            String resource = route.group(1);
            requestCounts.computeIfAbsent(resource, r -> new AtomicInteger()).incrementAndGet();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("POST") && resource.equals("setup/pair")) {
                pair(exchange, body);
                return;
            }
            Matcher entity = ENTITY_ROUTE.matcher(resource);
            boolean known = method.equals("GET") && (entity.matches() || resource.equals("ping")
                    || resource.equals("payment-methods"))
                    || method.equals("POST") && resource.equals("sync-state");
            if (!known) {
                send(exchange, 404, "{\"message\":\"Request does not match any route.\"}");
                return;
            }
            if (!authorised(exchange)) {
                send(exchange, 401, UNAUTHORIZED_JSON);
                return;
            }
            if (entity.matches()) {
                getEntity(exchange, entity.group(1), entity.group(2));
            } else if (resource.equals("ping")) {
                String ts = PHP_DATE_C.format(clock.instant());
                send(exchange, 200, PhpJson.encode(List.of(true, tenantId, ts)));
            } else if (resource.equals("payment-methods")) {
                send(exchange, 200, paymentMethodsJson);
            } else {
                syncStateUpsert(exchange, body);
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "{\"message\":\"Internal Error. Details are available in Magento log file.\"}");
        }
    }

    private boolean authorised(HttpExchange exchange) {
        if (forceUnauthorized) {
            return false;
        }
        MagentoJwt.Verification verification = jwt.verifyInbound(
                exchange.getRequestHeaders().getFirst("Authorization"), apiKey, tenantId, clock.instant());
        if (!verification.accepted()) {
            synchronized (this) {
                rejections.add(verification.rejection());
            }
            return false;
        }
        acceptedTokens.incrementAndGet();
        return true;
    }

    private void getEntity(HttpExchange exchange, String type, String rawId) throws IOException {
        if (!rawId.matches("\\d{1,18}")) {
            send(exchange, 400, invalidIntJson(rawId));
            return;
        }
        Fault fault = nextFault(type);
        if (fault != null && fault.status() != 0) {
            send(exchange, fault.status(), fault.status() == 503
                    ? "{\"message\":\"Service Unavailable\"}"
                    : "{\"message\":\"Internal Error. Details are available in Magento log file.\"}");
            return;
        }
        if (fault != null) {
            sleep(fault.delay());
        }
        String json = entities.getOrDefault(type, Map.of()).get(Long.parseLong(rawId));
        if (json == null) {
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("message", "No such entity with %fieldName = %fieldValue");
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("fieldName", "id");
            parameters.put("fieldValue", rawId);
            envelope.put("parameters", parameters);
            send(exchange, 404, PhpJson.encode(envelope));
            return;
        }
        send(exchange, 200, json);
    }

    private Fault nextFault(String type) {
        Deque<Fault> queue = faults.get(type);
        if (queue != null) {
            synchronized (queue) {
                Fault queued = queue.pollFirst();
                if (queued != null) {
                    return queued;
                }
            }
        }
        synchronized (randomFaultCounts) {
            if (randomFaultProbability <= 0 || randomFaultRandom.nextDouble() >= randomFaultProbability) {
                return null;
            }
            int status = randomFaultStatuses[randomFaultRandom.nextInt(randomFaultStatuses.length)];
            randomFaultCounts.merge(status, 1, Integer::sum);
            return new Fault(status, Duration.ZERO);
        }
    }

    private void pair(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode json = parseObject(body);
        if (json == null) {
            send(exchange, 400, "{\"message\":\"Decoding error.\"}");
            return;
        }
        String[][] params = {{"pairing_code", "pairingCode"}, {"tenant_id", "tenantId"},
                {"byte8_api_key", "byte8ApiKey"}, {"ledger_base_url", "ledgerBaseUrl"}};
        String[] values = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            values[i] = param(json, params[i][0], params[i][1]);
            if (values[i] == null) {
                send(exchange, 400, requiredFieldJson(params[i][1]));
                return;
            }
            values[i] = values[i].trim();
        }
        String code = values[0];
        String newTenant = values[1];
        String newKey = values[2];
        String newBase = values[3];
        if (code.isEmpty() || newTenant.isEmpty() || newKey.isEmpty() || newBase.isEmpty()) {
            send(exchange, 400, "{\"message\":\"pairing_code, tenant_id, byte8_api_key and ledger_base_url are all "
                    + "required.\"}");
            return;
        }
        if (!HTTP_URL.matcher(newBase).find()) {
            send(exchange, 400, "{\"message\":\"ledger_base_url must be an absolute http(s) URL.\"}");
            return;
        }
        synchronized (this) {
            String hash = pairingCodeHash;
            Instant issuedAt = pairingCodeIssuedAt;
            boolean valid = hash != null && issuedAt != null
                    && clock.instant().getEpochSecond() - issuedAt.getEpochSecond() <= PAIRING_TTL_SECONDS
                    && MessageDigest.isEqual(ascii(hash), ascii(sha256Hex(code)));
            if (!valid) {
                send(exchange, 401, "{\"message\":\"Invalid or expired pairing code.\"}");
                return;
            }
            tenantId = newTenant;
            apiKey = newKey;
            ledgerBaseUrl = newBase.replaceAll("/+$", "");
            pairingCodeHash = null;
            pairingCodeIssuedAt = null;
        }
        send(exchange, 200, "[]");
    }

    private void syncStateUpsert(HttpExchange exchange, byte[] body) throws IOException {
        Fault fault = nextFault(SYNC_STATE_FAULTS);
        if (fault != null && fault.status() != 0) {
            send(exchange, fault.status(), fault.status() == 400
                    ? "{\"message\":\"Invalid value of \\\"%value\\\" provided for the %fieldName field.\","
                            + "\"parameters\":{\"value\":\"x\",\"fieldName\":\"sync_status\"}}"
                    : "{\"message\":\"Internal Error. Details are available in Magento log file.\"}");
            return;
        }
        JsonNode json = parseObject(body);
        if (json == null) {
            send(exchange, 400, "{\"message\":\"Decoding error.\"}");
            return;
        }
        String entityType = param(json, "entity_type", "entityType");
        String rawId = param(json, "magento_entity_id", "magentoEntityId");
        String provider = param(json, "provider", "provider");
        String status = param(json, "sync_status", "syncStatus");
        String[][] required = {{entityType, "entityType"}, {rawId, "magentoEntityId"}, {provider, "provider"},
                {status, "syncStatus"}};
        for (String[] field : required) {
            if (field[0] == null) {
                send(exchange, 400, requiredFieldJson(field[1]));
                return;
            }
        }
        if (!rawId.matches("-?\\d{1,18}")) {
            send(exchange, 400, invalidIntJson(rawId));
            return;
        }
        long id = Long.parseLong(rawId);
        String invalid = !SYNC_ENTITY_TYPES.contains(entityType) ? "entity_type"
                : id <= 0 ? "magento_entity_id"
                : provider.isEmpty() ? "provider"
                : !SYNC_STATUSES.contains(status) ? "sync_status"
                : null;
        if (invalid != null) {
            String value = switch (invalid) {
                case "entity_type" -> entityType;
                case "magento_entity_id" -> rawId;
                case "provider" -> provider;
                default -> status;
            };
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("value", value);
            parameters.put("fieldName", invalid);
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("message", "Invalid value of \"%value\" provided for the %fieldName field.");
            envelope.put("parameters", parameters);
            send(exchange, 400, PhpJson.encode(envelope));
            return;
        }
        String lastSyncAt = param(json, "last_sync_at", "lastSyncAt");
        SyncStateRow row = new SyncStateRow(entityType, id, provider, status,
                param(json, "provider_entity_id", "providerEntityId"),
                param(json, "provider_reference", "providerReference"),
                param(json, "skip_reason", "skipReason"),
                param(json, "error_code", "errorCode"),
                lastSyncAt == null ? MYSQL_UTC.format(clock.instant()) : lastSyncAt);
        synchronized (this) {
            mirror.put(mirrorKey(entityType, id, provider), row);
            syncStateCalls.add(new String(body, StandardCharsets.UTF_8));
        }
        send(exchange, 200, "[]");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Reads a parameter by its snake_case or camelCase name; JSON null or absent gives null; scalars as text. */
    private static String param(JsonNode json, String snake, String camel) {
        JsonNode value = json.hasNonNull(snake) ? json.get(snake) : json.get(camel);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.isBoolean() ? (value.booleanValue() ? "1" : "") : value.asText();
    }

    private static String invalidIntJson(String rawValue) {
        return PhpJson.encode(Map.of("message", "The \"" + rawValue
                + "\" value's type is invalid. The \"int\" type was expected. Verify and try again."));
    }

    private static String requiredFieldJson(String field) {
        return "{\"message\":\"\\\"%fieldName\\\" is required. Enter and try again.\",\"parameters\":{\"fieldName\":\""
                + field + "\"}}";
    }

    private static JsonNode parseObject(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String normalise(String path) {
        Matcher route = ROUTE.matcher(path);
        return route.matches() ? route.group(1) : path.replaceFirst("^/+", "").replaceFirst("^V1/byte8/", "");
    }

    private static String mirrorKey(String entityType, long id, String provider) {
        return entityType + "|" + id + "|" + provider;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
