package io.sagesync.simulator.sage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An in-process HTTP fake of Sage Business Cloud Accounting v3.1 (plus its OAuth server) for tests and local mode.
 *
 * <p>Binds to 127.0.0.1 on a random port. Reproduces the Sage behaviour sagesync depends on: bearer-token auth with
 * rotating single-use refresh tokens, {@code X-Business}/{@code x_request_id} headers, the {@code $items} list
 * wrapper, root-key wrapped POST bodies validated strictly against Sage's Swagger spec, 7-day
 * {@code idempotency_id} replay, contact currency lock, length limits, Sage-derived totals (with the shipping VAT
 * recompute quirk), cross-border zero rating, HTML-entity rejection, and injectable faults ({@link #faults()}).
 * Deterministic for a given {@link Clock} and seed; thread-safe.
 */
public final class SageSimulator implements AutoCloseable {

    /** The lead business every token can access. */
    public static final String LEAD_BUSINESS_ID = SageLedger.stableId("business:lead");
    /** A second business, so clients can exercise business selection. */
    public static final String SECOND_BUSINESS_ID = SageLedger.stableId("business:second");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_PREFIX = "/v3.1";
    private static final Map<String, String> CREATE_ROOTS = Map.of(
            "/contacts", "contact",
            "/sales_invoices", "sales_invoice",
            "/sales_credit_notes", "sales_credit_note",
            "/contact_payments", "contact_payment");

    /** One request as seen by the simulator. */
    public record RecordedRequest(Instant at, String method, String path, String query, String business,
                                  int status) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final SwaggerBodyValidator validator;
    private final SageOAuth oauth;
    private final SageLedger ledger;
    private final SageFaults faults = new SageFaults();
    private final List<RecordedRequest> requestLog = new CopyOnWriteArrayList<>();
    private final List<String> validationFailures = new CopyOnWriteArrayList<>();
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<String, ObjectNode> businesses = new LinkedHashMap<>();

    private SageSimulator(Builder builder) throws IOException {
        this.clock = builder.clock;
        this.validator = builder.validator != null ? builder.validator : SwaggerBodyValidator.load();
        Supplier<String> ids = builder.ids != null ? builder.ids : seededHexIds(builder.seed);
        this.oauth = new SageOAuth(clock, seededHexIds(builder.seed ^ 0x5EC2E7L));
        this.ledger = new SageLedger(clock, ids);
        businesses.put(LEAD_BUSINESS_ID, business(LEAD_BUSINESS_ID, "Sagesync Test Ltd", true));
        businesses.put(SECOND_BUSINESS_ID, business(SECOND_BUSINESS_ID, "Second Shop Ltd", false));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a simulator with the system clock, the default spec and seed 42. */
    public static SageSimulator start() {
        return builder().start();
    }

    /** Options: clock, validator, seed or id supplier. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link SageSimulator}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private SwaggerBodyValidator validator;
        private long seed = 42;
        private Supplier<String> ids;

        private Builder() {
        }

        /** Time source for token expiry, idempotency windows and timestamps. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Body validator (default {@link SwaggerBodyValidator#load()}). */
        public Builder validator(SwaggerBodyValidator validator) {
            this.validator = validator;
            return this;
        }

        /** Seed for generated ids and tokens. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Supplier of 32-hex resource ids (overrides the seed for ids; must be thread-safe). */
        public Builder idSupplier(Supplier<String> ids) {
            this.ids = ids;
            return this;
        }

        /** Binds and starts the server. */
        public SageSimulator start() {
            try {
                return new SageSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start Sage simulator", e);
            }
        }
    }

    // ---------------------------------------------------------------- URLs and test API

    /** e.g. {@code http://127.0.0.1:PORT/v3.1} */
    public String baseUrl() {
        return root() + API_PREFIX;
    }

    /** OAuth token endpoint (form-encoded POST). */
    public String tokenUrl() {
        return root() + "/oauth/token";
    }

    /** OAuth revoke endpoint (form-encoded POST with {@code token}). */
    public String revokeUrl() {
        return root() + "/oauth/revoke";
    }

    /** Authorize endpoint: GET with {@code redirect_uri} and {@code state} redirects back with a fresh code. */
    public String authorizeUrl() {
        return root() + "/oauth/authorize";
    }

    /** A single-use authorization code valid for 60 s, bound to {@code redirectUri} (null = any). */
    public String issueAuthorizationCode(String redirectUri) {
        return oauth.issueAuthorizationCode(redirectUri);
    }

    /** A single-use authorization code valid for 60 s, for any redirect URI. */
    public String issueAuthorizationCode() {
        return oauth.issueAuthorizationCode(null);
    }

    /** A fresh access + refresh pair; supersedes every earlier refresh token. */
    public SageTokens issueTokens() {
        return oauth.issueTokens();
    }

    /** Number of {@code grant_type=refresh_token} requests received (successful or not). */
    public int refreshCount() {
        return oauth.refreshCount();
    }

    /** Number of {@code invalid_grant} answers given by the token endpoint. */
    public int invalidGrantCount() {
        return oauth.invalidGrantCount();
    }

    /** The fault knobs. */
    public SageFaults faults() {
        return faults;
    }

    /** Clears every armed fault and the added latency. */
    public void resetFaults() {
        faults.reset();
    }

    /** Snapshot of stored invoices, in creation order. */
    public List<JsonNode> invoices() {
        return List.copyOf(ledger.invoices());
    }

    /** Snapshot of stored contacts, in creation order. */
    public List<JsonNode> contacts() {
        return List.copyOf(ledger.contacts());
    }

    /** Snapshot of stored sales credit notes, in creation order. */
    public List<JsonNode> creditNotes() {
        return List.copyOf(ledger.creditNotes());
    }

    /** Snapshot of stored contact payments, in creation order. */
    public List<JsonNode> payments() {
        return List.copyOf(ledger.payments());
    }

    /** Every schema violation seen on a POST body ("METHOD path: violation"); tests assert it stays empty. */
    public List<String> validationFailures() {
        return List.copyOf(validationFailures);
    }

    /** Requests whose method matches ({@code null}/"*" = any) and whose path (API paths without /v3.1) starts so. */
    public long requestCount(String method, String pathPrefix) {
        return requestLog.stream()
                .filter(r -> method == null || "*".equals(method) || r.method().equalsIgnoreCase(method))
                .filter(r -> r.path().startsWith(pathPrefix))
                .count();
    }

    /** Every request handled so far, in completion order. */
    public List<RecordedRequest> requestLog() {
        return List.copyOf(requestLog);
    }

    /** Id of the seeded sales ledger account with {@code nominalCode} (e.g. "4000"). */
    public String ledgerAccountId(String nominalCode) {
        return ledger.ledgerAccountId(nominalCode);
    }

    /** Id of the seeded bank account in {@code currency} ("GBP" or "EUR"). */
    public String bankAccountId(String currency) {
        return ledger.bankAccountId(currency);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- HTTP plumbing

    private String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getPath();
        String path = rawPath.startsWith(API_PREFIX) ? rawPath.substring(API_PREFIX.length()) : rawPath;
        String business = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Business"))
                .orElse(LEAD_BUSINESS_ID);
        exchange.getResponseHeaders().set("x_request_id", String.format("%032x", requestIds.incrementAndGet()));
        try (exchange) {
            Reply reply;
            try {
                reply = process(exchange, method, rawPath, path, uri, business);
            } catch (RuntimeException e) {
                reply = unexpectedError();
            }
            // logged before the reply leaves, so a client that got its answer always finds it in the log
            requestLog.add(new RecordedRequest(clock.instant(), method, path, uri.getRawQuery(), business,
                    reply.status()));
            if (reply.status() != DROPPED) {
                send(exchange, reply);
            }
            // DROPPED: closing the exchange without a status line closes the connection under the client
        }
    }

    private Reply process(HttpExchange exchange, String method, String rawPath, String path, URI uri,
                          String business) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        sleep(faults.currentLatency());
        Optional<SageFaults.Fault> fault = faults.take(method, path);
        if (fault.isPresent() && fault.get().kind() == SageFaults.Kind.DROP) {
            return new Reply(DROPPED, null);
        }
        if (fault.isPresent() && !fault.get().kind().afterCreate()) {
            return faultReply(fault.get());
        }
        Reply reply;
        try {
            reply = rawPath.startsWith("/oauth/")
                    ? oauthRequest(method, rawPath, uri, body)
                    : apiRequest(exchange, method, rawPath, path, uri, business, body);
        } catch (SageApiException e) {
            reply = new Reply(e.status(), errorArray(e.errors()));
        }
        if (fault.isPresent()) {
            return fault.get().kind() == SageFaults.Kind.DROP_AFTER_CREATE ? new Reply(DROPPED, null)
                    : unexpectedError();
        }
        return reply;
    }

    /** Request-log status of a request whose connection was dropped without an answer. */
    public static final int DROPPED = 0;

    private static Reply unexpectedError() {
        return new Reply(500, errorArray(List.of(new SageApiException.SageError(
                "UnexpectedError", "An unexpected error occurred.", ""))));
    }

    private record Reply(int status, JsonNode body, Map<String, String> headers) {
        Reply(int status, JsonNode body) {
            this(status, body, Map.of());
        }
    }

    private static Reply faultReply(SageFaults.Fault fault) {
        Map<String, String> headers = fault.retryAfter() == null ? Map.of()
                : Map.of("Retry-After", Long.toString(fault.retryAfter().toSeconds()));
        // gateway-style faults: Sage documents no body for 429/503, so send an empty JSON array
        return new Reply(fault.status(), JSON.createArrayNode(), headers);
    }

    private int send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] bytes = reply.body() == null ? new byte[0] : JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (reply.status() == 204 || bytes.length == 0) {
            exchange.sendResponseHeaders(reply.status(), -1);
        } else {
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        return reply.status();
    }

    // ---------------------------------------------------------------- OAuth

    private Reply oauthRequest(String method, String rawPath, URI uri, byte[] body) {
        if ("/oauth/authorize".equals(rawPath) && "GET".equals(method)) {
            Map<String, String> query = parseForm(uri.getRawQuery());
            String redirect = query.get("redirect_uri");
            if (redirect == null) {
                return new Reply(400, oauthError("invalid_request", "redirect_uri is required"));
            }
            String code = oauth.issueAuthorizationCode(redirect);
            String location = redirect + (redirect.contains("?") ? "&" : "?") + "code="
                    + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&country=GB"
                    + (query.containsKey("state")
                    ? "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8) : "");
            return new Reply(302, null, Map.of("Location", location));
        }
        if (!"POST".equals(method)) {
            return new Reply(405, oauthError("invalid_request", "method not allowed"));
        }
        Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
        if ("/oauth/revoke".equals(rawPath)) {
            oauth.revoke(form.get("token"));
            return new Reply(200, JSON.createObjectNode().put("success", "ok"));
        }
        if (!"/oauth/token".equals(rawPath)) {
            return new Reply(404, oauthError("invalid_request", "unknown endpoint"));
        }
        String grantType = form.getOrDefault("grant_type", "");
        SageOAuth.Outcome outcome = switch (grantType) {
            case "authorization_code" -> oauth.exchangeCode(form.get("code"), form.get("redirect_uri"));
            case "refresh_token" -> oauth.refresh(form.get("refresh_token"));
            default -> SageOAuth.Outcome.fail("unsupported_grant_type", "grant_type " + grantType);
        };
        if (outcome.tokens() == null) {
            return new Reply(400, oauthError(outcome.error(), outcome.description()));
        }
        SageTokens tokens = outcome.tokens();
        ObjectNode json = JSON.createObjectNode()
                .put("access_token", tokens.accessToken())
                .put("scope", "full_access")
                .put("token_type", "bearer")
                .put("expires_in", tokens.expiresInSeconds())
                .put("refresh_token", tokens.refreshToken())
                .put("refresh_token_expires_in", tokens.refreshExpiresInSeconds())
                .put("requested_by_id", SageLedger.stableId("user:1"));
        return new Reply(200, json);
    }

    private static JsonNode oauthError(String error, String description) {
        return JSON.createObjectNode().put("error", error).put("error_description", description);
    }

    // ---------------------------------------------------------------- API

    private Reply apiRequest(HttpExchange exchange, String method, String rawPath, String path, URI uri,
                             String business, byte[] body) {
        if (!rawPath.startsWith(API_PREFIX + "/")) {
            throw SageApiException.notFound("path " + rawPath);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (!oauth.isValidAccessToken(token)) {
            throw new SageApiException(401, List.of(new SageApiException.SageError("AuthorizationFailure",
                    "You are not authorised to access this resource. Please check your access token.", "")));
        }
        if (!path.startsWith("/businesses")) {
            if (!businesses.containsKey(business)) {
                throw new SageApiException(403, List.of(new SageApiException.SageError("AccessDenied",
                        "You do not have access to business " + business, "")));
            }
            exchange.getResponseHeaders().set("X-Business", business);
        }
        Map<String, String> query = parseForm(uri.getRawQuery());
        String[] segments = path.substring(1).split("/");
        String collection = segments[0];
        String id = segments.length > 1 ? segments[1] : null;
        if (segments.length > 2) {
            throw SageApiException.notFound("path " + path);
        }
        if ("POST".equals(method) && id == null && CREATE_ROOTS.containsKey(path)) {
            return create(exchange, path, body);
        }
        if (!"GET".equals(method)) {
            return new Reply(405, errorArray(List.of(new SageApiException.SageError(
                    "MethodNotAllowed", method + " is not supported on " + path, ""))));
        }
        return switch (collection) {
            case "businesses" -> id == null
                    ? list(collection, new ArrayList<>(businesses.values()), query, r -> true)
                    : new Reply(200, businessOrFail(id));
            case "financial_settings" -> new Reply(200, financialSettings());
            case "tax_rates" -> id == null ? list(collection, ledger.taxRates(), query, r -> true)
                    : new Reply(200, ledger.find(collection, id));
            case "ledger_accounts" -> id == null
                    ? list(collection, ledger.ledgerAccounts(query.get("visible_in")), query, r -> true)
                    : new Reply(200, ledger.find(collection, id));
            case "bank_accounts" -> id == null ? list(collection, ledger.bankAccounts(), query, r -> true)
                    : new Reply(200, ledger.find(collection, id));
            case "contacts" -> id == null ? list(collection, ledger.contacts(), query, contactFilter(query))
                    : new Reply(200, ledger.find(collection, id));
            case "sales_invoices", "sales_credit_notes" -> id == null
                    ? list(collection, "sales_invoices".equals(collection) ? ledger.invoices() : ledger.creditNotes(),
                    query, artefactFilter(query))
                    : new Reply(200, ledger.find(collection, id));
            case "contact_payments" -> id == null
                    ? list(collection, ledger.payments(), query, artefactFilter(query))
                    : new Reply(200, ledger.find(collection, id));
            default -> throw SageApiException.notFound("path " + path);
        };
    }

    private Reply create(HttpExchange exchange, String path, byte[] body) {
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return new Reply(415, errorArray(List.of(new SageApiException.SageError(
                    "UnsupportedMediaType", "Content-Type must be application/json", ""))));
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw SageApiException.invalid("base", "The request body is not valid JSON");
        }
        String root = CREATE_ROOTS.get(path);
        List<SwaggerBodyValidator.Violation> violations =
                validator.violations(validator.bodyDefinition("POST", path), json);
        if (!violations.isEmpty()) {
            violations.forEach(v -> validationFailures.add("POST " + path + ": " + v));
            List<SageApiException.SageError> errors = violations.stream()
                    .map(v -> new SageApiException.SageError("RecordInvalid", v.message(), source(v.path(), root)))
                    .toList();
            throw new SageApiException(422, errors);
        }
        SageLedger.Created created = ledger.create(root, json);
        return new Reply(created.status(), created.resource());
    }

    /** {@code $.sales_invoice.invoice_lines[0].unit_price} becomes {@code line_items.unit_price}, as Sage reports. */
    static String source(String jsonPath, String root) {
        String s = jsonPath.startsWith("$.") ? jsonPath.substring(2) : jsonPath.startsWith("$") ? "" : jsonPath;
        if (s.startsWith(root + ".")) {
            s = s.substring(root.length() + 1);
        }
        s = s.replaceAll("\\[\\d+]", "");
        s = s.replaceFirst("^(invoice_lines|credit_note_lines)", "line_items");
        return s.isEmpty() ? "base" : s;
    }

    private Reply list(String collection, List<? extends JsonNode> all, Map<String, String> query,
                       Predicate<JsonNode> filter) {
        List<JsonNode> matches = all.stream().filter(filter).map(JsonNode.class::cast).toList();
        int perPage = Math.max(1, Math.min(200, intParam(query, "items_per_page", 20)));
        int pages = Math.max(1, (matches.size() + perPage - 1) / perPage);
        int page = Math.max(1, Math.min(pages, intParam(query, "page", 1)));
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

    private static Predicate<JsonNode> contactFilter(Map<String, String> query) {
        String search = lower(query.get("search"));
        String email = lower(query.get("email"));
        String type = query.get("contact_type_id");
        return c -> (search == null || lower(c.path("name").asText()).contains(search)
                || lower(c.path("reference").asText()).contains(search))
                && (email == null || email.equals(lower(c.path("email").asText())))
                && (type == null || containsId(c.path("contact_types"), type));
    }

    private static Predicate<JsonNode> artefactFilter(Map<String, String> query) {
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

    private ObjectNode businessOrFail(String id) {
        ObjectNode business = "lead".equals(id) ? businesses.get(LEAD_BUSINESS_ID) : businesses.get(id);
        if (business == null) {
            throw SageApiException.notFound("business " + id);
        }
        return business.deepCopy();
    }

    private static ObjectNode business(String id, String name, boolean lead) {
        ObjectNode business = SageLedger.link(id, name, "/businesses/" + id);
        business.put("name", name).put("is_lead", lead).put("ni_based", false);
        business.putObject("address_region");
        business.putObject("country").put("id", "GB").put("displayed_as", "United Kingdom (GB)");
        business.putArray("subscriptions").addObject()
                .put("id", "ACCOUNTING_PLUS").put("displayed_as", "Accounting Plus").put("active", true)
                .put("status", "active");
        return business;
    }

    private static ObjectNode financialSettings() {
        ObjectNode settings = JSON.createObjectNode();
        settings.put("$path", "/financial_settings");
        settings.set("base_currency", SageLedger.link("GBP", "Pound Sterling (GBP)", "/currencies/GBP"));
        settings.put("multi_currency_enabled", true).put("use_live_exchange_rates", false)
                .put("accounts_start_date", SageLedger.ACCOUNTS_START.toString())
                .putNull("year_end_lockdown_date");
        settings.put("accounting_type", "accrual").put("destination_vat", false).put("postponed_accounting", false);
        settings.set("tax_return_frequency", SageLedger.link("QUARTERLY", "Quarterly", "/tax_return_frequencies/x"));
        return settings;
    }

    // ---------------------------------------------------------------- small helpers

    private static JsonNode errorArray(List<SageApiException.SageError> errors) {
        ArrayNode array = JSON.createArrayNode();
        for (SageApiException.SageError error : errors) {
            array.addObject().put("$severity", "error").put("$dataCode", error.dataCode())
                    .put("$message", error.message()).put("$source", error.source());
        }
        return array;
    }

    private static void sleep(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> parseForm(String raw) {
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

    private static int intParam(Map<String, String> query, String name, int fallback) {
        try {
            return query.containsKey(name) ? Integer.parseInt(query.get(name)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** Deterministic, thread-safe 32-hex id source. */
    private static Supplier<String> seededHexIds(long seed) {
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
