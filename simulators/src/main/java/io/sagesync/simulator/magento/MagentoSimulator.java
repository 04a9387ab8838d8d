package io.sagesync.simulator.magento;

import com.sun.net.httpserver.HttpServer;
import java.util.Map;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process stand-in for a Magento store running the Byte8 client + Sage module: the REST surface the chassis
 * calls (canonical GETs, ping, payment methods, sync-state, pairing), guarded by Magento's inbound JWT rules.
 *
 * <p>It is an independent implementation of the wire contract, so tests against it prove wire compatibility.
 * Observability ({@link #rejections()}, {@link #syncStates()}, {@link #requestCount(String)}) and fault knobs
 * ({@link #failNextGets}, {@link #delayNextGets}, {@link #forceUnauthorized}) exist for tests.
 *
 * <p>This class binds the server and holds the test knobs; {@link MagentoRouter} routes each request and checks the
 * inbound JWT, and one class per resource answers it: {@link EntityResource} (canonical GETs, payment methods), {@link PairingResource} ({@code setup/pair}) and
 * {@link SyncStateResource} ({@code sync-state}, the mirror table).
 */
public final class MagentoSimulator implements AutoCloseable {

    /** Provider code the Sage module writes into the mirror table. */
    public static final String PROVIDER = "sage_accounting";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final FaultQueues faults = new FaultQueues();
    private final EntityResource entities = new EntityResource(faults);
    private final PairingResource pairing;
    private final SyncStateResource syncStates;
    private final MagentoRouter router;

    private MagentoSimulator(Builder builder) {
        this.clock = builder.clock;
        this.pairing = new PairingResource(builder.clock, builder.random, builder.tenantId, builder.apiKey,
                builder.ledgerBaseUrl);
        this.syncStates = new SyncStateResource(builder.clock, faults);
        this.router = new MagentoRouter(builder.clock, entities, pairing, syncStates);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind Magento simulator", e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", router::handle);
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
        entities.put("invoice", id, canonicalJson);
    }

    /** Seeds {@code GET creditmemo/{id}}. */
    public void putCreditMemo(long id, String canonicalJson) {
        entities.put("creditmemo", id, canonicalJson);
    }

    /** Seeds {@code GET customer/{id}}. */
    public void putCustomer(long id, String canonicalJson) {
        entities.put("customer", id, canonicalJson);
    }

    /** Seeds {@code GET product/{id}}. */
    public void putProduct(long id, String canonicalJson) {
        entities.put("product", id, canonicalJson);
    }

    /** Seeds {@code GET payment/{invoiceId}}. */
    public void putPayment(long invoiceId, String canonicalJson) {
        entities.put("payment", invoiceId, canonicalJson);
    }

    /** Replaces the JSON list answered by {@code GET payment-methods}. */
    public void putPaymentMethods(String json) {
        entities.putPaymentMethods(json);
    }

    // ---- pairing -----------------------------------------------------------------------------------------------

    /** Emulates the admin "Generate Pairing Code" button: 32 lowercase hex chars, only the hash is kept. */
    public String generatePairingCode() {
        return pairing.generatePairingCode();
    }

    /** Paired tenant id, or null. */
    public String tenantId() {
        return pairing.tenantId();
    }

    /** Paired master api key, or null. */
    public String apiKey() {
        return pairing.apiKey();
    }

    /** Ledger base URL stored at pairing (trailing slash stripped), or null. */
    public String ledgerBaseUrl() {
        return pairing.ledgerBaseUrl();
    }

    Clock clock() {
        return clock;
    }

    // ---- fault knobs -------------------------------------------------------------------------------------------

    /** The next {@code count} GETs of {@code entityType} (invoice, creditmemo, ...) answer {@code status}. */
    public void failNextGets(String entityType, int count, int status) {
        faults.enqueue(entityType, count, new FaultQueues.Fault(status, Duration.ZERO));
    }

    /** The next {@code count} GETs of {@code entityType} stall for {@code delay} before answering normally. */
    public void delayNextGets(String entityType, int count, Duration delay) {
        faults.enqueue(entityType, count, new FaultQueues.Fault(0, delay));
    }

    /**
     * The next {@code count} sync-state POSTs (after the JWT check) answer {@code status} without touching the
     * mirror: 5xx for an outage, 400 for Magento's validation, etc.
     */
    public void failNextSyncStates(int count, int status) {
        faults.enqueue(FaultQueues.SYNC_STATE, count, new FaultQueues.Fault(status, Duration.ZERO));
    }

    /**
     * Chaos: until turned off (probability 0), each canonical GET and sync-state POST that no queued fault takes
     * answers, with {@code probability}, one of {@code statuses} (e.g. 502, 503) chosen uniformly, without touching
     * state. {@code random} makes a run reproducible; {@link #randomFaultsInjected()} counts what was handed out.
     */
    public void randomFaults(double probability, java.util.Random random, int... statuses) {
        faults.randomFaults(probability, random, statuses);
    }

    /** Random faults handed out so far, by status. */
    public Map<Integer, Integer> randomFaultsInjected() {
        return faults.randomFaultsInjected();
    }

    /** While on, every JWT-guarded route answers 401 regardless of the token (e.g. a revoked integration). */
    public void forceUnauthorized(boolean on) {
        router.forceUnauthorized(on);
    }

    // ---- observability -----------------------------------------------------------------------------------------

    /** Verifier rejection reasons, in order. */
    public List<MagentoJwt.Rejection> rejections() {
        return router.rejections();
    }

    /** Number of requests whose inbound JWT was accepted. */
    public int acceptedTokens() {
        return router.acceptedTokens();
    }

    /**
     * Requests received for a path, counted whatever the outcome. Accepts {@code /rest/V1/byte8/invoice/42},
     * {@code /rest/default/V1/...} or the short form {@code invoice/42}.
     */
    public int requestCount(String path) {
        return router.requestCount(path);
    }

    /** All mirror rows in insertion order. */
    public List<SyncStateRow> syncStates() {
        return syncStates.rows();
    }

    /** The mirror row for the Sage provider. */
    public Optional<SyncStateRow> syncState(String entityType, long magentoId) {
        return syncState(entityType, magentoId, PROVIDER);
    }

    /** The mirror row for any provider. */
    public Optional<SyncStateRow> syncState(String entityType, long magentoId, String provider) {
        return syncStates.row(entityType, magentoId, provider);
    }

    /** Raw body of every accepted sync-state POST, in arrival order. */
    public List<String> syncStateCalls() {
        return syncStates.calls();
    }

    /** Magento's {@code markPending}: insert a pending row, or only bump last_sync_at of an existing row. */
    void markPending(String entityType, long magentoId) {
        syncStates.markPending(entityType, magentoId, PROVIDER);
    }
}
