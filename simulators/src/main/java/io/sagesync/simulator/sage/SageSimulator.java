package io.sagesync.simulator.sage;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sagesync.simulator.sage.SageHttp.Reply;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An in-process HTTP fake of Sage Business Cloud Accounting v3.1 (plus its OAuth server) for tests and local mode,
 * bound to 127.0.0.1 on a random port. It does what Sage does where sagesync depends on it: rotating single-use
 * refresh tokens, {@code X-Business} (UK and Irish businesses, each with its own ledger, {@link SageBusinesses}),
 * the {@code $items} wrapper, Swagger-strict bodies, 7-day {@code idempotency_id} replay, contact currency lock,
 * length limits, Sage-derived totals with the shipping-VAT recompute, line-VAT checks, place-of-supply zero rating
 * and one exchange-rate direction ({@link SageArtefacts}), and injectable faults ({@link #faults()}).
 * Deterministic for a given {@link Clock} and seed; thread-safe.
 */
public final class SageSimulator implements AutoCloseable {

    /** The lead business every token can access (UK unless the builder says otherwise). */
    public static final String LEAD_BUSINESS_ID = SageNodes.stableId("business:lead");
    /** A second UK business, so clients can exercise business selection. */
    public static final String SECOND_BUSINESS_ID = SageNodes.stableId("business:second");
    /** An Irish business (EUR base currency, Irish VAT rates). */
    public static final String IRISH_BUSINESS_ID = SageNodes.stableId("business:ie");

    /** One request as seen by the simulator. */
    public record RecordedRequest(Instant at, String method, String path, String query, String business,
                                  int status) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final SageOAuth oauth;
    private final SageBusinesses businesses;
    private final SageOAuthEndpoint oauthEndpoint;
    private final SageApi api;
    private final SageFaults faults = new SageFaults();
    private final List<RecordedRequest> requestLog = new CopyOnWriteArrayList<>();
    private final List<String> validationFailures = new CopyOnWriteArrayList<>();
    private final AtomicLong requestIds = new AtomicLong();

    SageSimulator(SageSimulatorBuilder builder) throws IOException {
        this.clock = builder.clock;
        SwaggerBodyValidator validator = builder.validator != null ? builder.validator : SwaggerBodyValidator.load();
        Supplier<String> ids = builder.ids != null ? builder.ids : SageHttp.seededHexIds(builder.seed);
        this.oauth = new SageOAuth(clock, SageHttp.seededHexIds(builder.seed ^ 0x5EC2E7L));
        this.businesses = new SageBusinesses(clock, ids, builder.leadRegion);
        this.oauthEndpoint = new SageOAuthEndpoint(oauth);
        this.api = new SageApi(oauth, businesses, validator, validationFailures);
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

    /** Options: clock, validator, seed or id supplier, lead business country. */
    public static SageSimulatorBuilder builder() {
        return new SageSimulatorBuilder();
    }

    /** e.g. {@code http://127.0.0.1:PORT/v3.1} */
    public String baseUrl() {
        return root() + SageApi.API_PREFIX;
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
        return issueAuthorizationCode(null);
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

    /** Snapshot of the lead business's invoices, in creation order. */
    public List<JsonNode> invoices() {
        return invoices(LEAD_BUSINESS_ID);
    }

    /** Snapshot of one business's invoices, in creation order. */
    public List<JsonNode> invoices(String businessId) {
        return List.copyOf(businesses.ledger(businessId).invoices());
    }

    /** Snapshot of the lead business's contacts, in creation order. */
    public List<JsonNode> contacts() {
        return List.copyOf(businesses.ledger(LEAD_BUSINESS_ID).contacts());
    }

    /** Snapshot of the lead business's sales credit notes, in creation order. */
    public List<JsonNode> creditNotes() {
        return List.copyOf(businesses.ledger(LEAD_BUSINESS_ID).creditNotes());
    }

    /** Snapshot of the lead business's contact payments, in creation order. */
    public List<JsonNode> payments() {
        return payments(LEAD_BUSINESS_ID);
    }

    /** Snapshot of one business's contact payments, in creation order. */
    public List<JsonNode> payments(String businessId) {
        return List.copyOf(businesses.ledger(businessId).payments());
    }

    /**
     * Snapshot of a catalogue collection of the lead business, in creation order: {@code products} (stock items
     * included, as Sage lists them), {@code services}, {@code stock_items} or {@code stock_movements}.
     */
    public List<JsonNode> catalog(String collection) {
        return List.copyOf(businesses.ledger(LEAD_BUSINESS_ID).catalog(collection));
    }

    /** Turns {@code financial_settings.destination_vat} on or off for a business. */
    public void destinationVat(String businessId, boolean enabled) {
        businesses.ledger(businessId).destinationVat = enabled;
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
        return businesses.ledger(LEAD_BUSINESS_ID).ledgerAccountId(nominalCode);
    }

    /** Id of the lead business's seeded bank account in {@code currency} ("GBP" or "EUR"). */
    public String bankAccountId(String currency) {
        return bankAccountId(LEAD_BUSINESS_ID, currency);
    }

    /** Id of a business's seeded bank account in {@code currency}. */
    public String bankAccountId(String businessId, String currency) {
        return businesses.ledger(businessId).bankAccountId(currency);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getPath();
        String path = rawPath.startsWith(SageApi.API_PREFIX) ? rawPath.substring(SageApi.API_PREFIX.length())
                : rawPath;
        String business = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Business"))
                .orElse(LEAD_BUSINESS_ID);
        exchange.getResponseHeaders().set("x_request_id", String.format("%032x", requestIds.incrementAndGet()));
        try (exchange) {
            Reply reply;
            try {
                reply = process(exchange, method, rawPath, path, uri, business);
            } catch (RuntimeException e) {
                reply = SageHttp.unexpectedError();
            }
            // logged before the reply leaves, so a client that got its answer always finds it in the log
            requestLog.add(new RecordedRequest(clock.instant(), method, path, uri.getRawQuery(), business,
                    reply.status()));
            if (reply.status() != DROPPED) {
                SageHttp.send(exchange, reply);
            }
            // DROPPED: closing the exchange without a status line closes the connection under the client
        }
    }

    private Reply process(HttpExchange exchange, String method, String rawPath, String path, URI uri,
                          String business) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        SageHttp.sleep(faults.currentLatency());
        Optional<SageFaults.Fault> fault = faults.take(method, path);
        if (fault.isPresent() && fault.get().kind() == SageFaults.Kind.DROP) {
            return new Reply(DROPPED, null);
        }
        if (fault.isPresent() && !fault.get().kind().afterCreate()) {
            return SageHttp.faultReply(fault.get());
        }
        Reply reply;
        try {
            reply = rawPath.startsWith("/oauth/")
                    ? oauthEndpoint.handle(method, rawPath, uri, body)
                    : api.handle(exchange, method, rawPath, path, uri, business, body);
        } catch (SageApiException e) {
            reply = new Reply(e.status(), SageHttp.errorArray(e.errors()));
        }
        if (fault.isPresent()) {
            return fault.get().kind() == SageFaults.Kind.DROP_AFTER_CREATE ? new Reply(DROPPED, null)
                    : SageHttp.unexpectedError();
        }
        return reply;
    }

    /** Request-log status of a request whose connection was dropped without an answer. */
    public static final int DROPPED = 0;
}
