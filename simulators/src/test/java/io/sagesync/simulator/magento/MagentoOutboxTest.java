package io.sagesync.simulator.magento;

import static io.sagesync.simulator.magento.MagentoSimulatorTest.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MagentoOutboxTest {

    private static final String TENANT = "tenant one/ü";
    private static final Instant OCCURRED = Instant.parse("2026-04-30T10:11:12Z");
    private static final Map<String, Object> PAYLOAD = orderedPayload();

    /** One scripted answer of the fake ledger. */
    private record Reply(int status, String body, long delayMillis) {
    }

    /** What the fake ledger saw. */
    private record Seen(String rawPath, String authorization, String contentType, String idempotencyKey,
                        String body) {
    }

    private final MutableClock clock = new MutableClock(OCCURRED);
    private final AtomicInteger jtis = new AtomicInteger();
    private final MagentoSimulator magento =
            MagentoSimulator.builder().tenantId(TENANT).apiKey(KEY).clock(clock).start();
    // generous: on a loaded machine a short timeout turns a scripted 503 into a timeout; the timeout test has its own
    private final MagentoOutbox outbox =
            new MagentoOutbox(magento, () -> "jti-" + jtis.incrementAndGet(), Duration.ofSeconds(10));
    private final ConcurrentLinkedDeque<Reply> replies = new ConcurrentLinkedDeque<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer ledger = startLedger();

    @AfterEach
    void stop() {
        ledger.stop(0);
        magento.close();
    }

    @Test
    void raise_storesExactPhpBodyOnce_withIdempotencyKeyAndPendingMirror() {
        OutboxRow row = outbox.raise("invoice.created", 42, 1, 1, PAYLOAD).orElseThrow();

        assertThat(row.idempotencyKey()).isEqualTo("invoice.created:42");
        assertThat(row.status()).isEqualTo("pending");
        assertThat(row.body()).isEqualTo("{\"magento_entity_id\":42,\"website_id\":1,\"store_id\":1,"
                + "\"occurred_at\":\"2026-04-30T10:11:12Z\",\"payload\":{\"increment_id\":\"000000042\",\"paid\":true,"
                + "\"note\":\"a/b\"}}");
        assertThat(magento.syncState("invoice", 42).orElseThrow().syncStatus()).isEqualTo("pending");
    }

    @Test
    void raise_duplicateKeyIsSilentlyDropped_evenAfterSuccess() {
        replies.add(new Reply(202, "{\"sync_run_id\":\"run-1\"}", 0));
        assertThat(outbox.raise("customer.upserted", 5, 1, 0, Map.of())).isPresent();
        outbox.drain(ledgerUrl());

        assertThat(outbox.raise("customer.upserted", 5, 1, 0, Map.of())).isEmpty();
        assertThat(outbox.rows()).hasSize(1);
    }

    @Test
    void raise_whenNotPaired_doesNothing() {
        try (MagentoSimulator unpaired = MagentoSimulator.builder().clock(clock).start()) {
            MagentoOutbox unpairedOutbox = new MagentoOutbox(unpaired);
            assertThat(unpairedOutbox.raise("invoice.created", 1, 1, 1, PAYLOAD)).isEmpty();
            assertThat(unpaired.syncStates()).isEmpty();
        }
    }

    @Test
    void raise_neverRegressesATerminalMirrorStatus() throws Exception {
        outbox.raise("invoice.created", 42, 1, 1, PAYLOAD);
        markSynced(42);

        outbox.raise("invoice.paid", 42, 1, 1, Map.of("increment_id", "000000042"));

        assertThat(magento.syncState("invoice", 42).orElseThrow().syncStatus()).isEqualTo("synced");
    }

    @Test
    void drain_2xx_succeedsWithSyncRunId_andSendsSignedHeaders() throws Exception {
        replies.add(new Reply(202, "{\"sync_run_id\":\"run-abc\"}", 0));
        OutboxRow raised = outbox.raise("invoice.created", 42, 1, 1, PAYLOAD).orElseThrow();

        List<OutboxRow> attempted = outbox.drain(ledgerUrl() + "/");

        assertThat(attempted).hasSize(1);
        OutboxRow row = outbox.row("invoice.created:42").orElseThrow();
        assertThat(row.status()).isEqualTo("succeeded");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastStatusCode()).isEqualTo(202);
        assertThat(row.syncRunId()).isEqualTo("run-abc");
        Seen request = seen.get(0);
        assertThat(request.rawPath()).isEqualTo("/webhooks/magento/tenant%20one%2F%C3%BC/invoice.created");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.idempotencyKey()).isEqualTo("invoice.created:42");
        assertThat(request.body()).isEqualTo(raised.body());
        assertThat(request.authorization())
                .isEqualTo("Bearer " + MagentoJwt.signOutbound(KEY, TENANT, OCCURRED, "jti-1"));
    }

    @Test
    void drain_4xx_deadLettersAtOnce_withTruncatedBody() {
        String hugeBody = "x".repeat(9000);
        replies.add(new Reply(400, hugeBody, 0));
        outbox.raise("invoice.created", 42, 1, 1, PAYLOAD);

        outbox.drain(ledgerUrl());
        clock.advance(Duration.ofDays(1));
        outbox.drain(ledgerUrl());

        OutboxRow row = outbox.row("invoice.created:42").orElseThrow();
        assertThat(row.status()).isEqualTo("dead_lettered");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastStatusCode()).isEqualTo(400);
        assertThat(row.lastError()).isEqualTo("HTTP 400: " + "x".repeat(8192));
        assertThat(seen).hasSize(1);
    }

    @Test
    void drain_429IsAlsoDeadLettered() {
        replies.add(new Reply(429, "slow down", 0));
        outbox.raise("invoice.created", 42, 1, 1, PAYLOAD);

        outbox.drain(ledgerUrl());

        assertThat(outbox.row("invoice.created:42").orElseThrow().status()).isEqualTo("dead_lettered");
    }

    @Test
    void drain_503_staysPendingUntilBackoffElapses_thenResendsSameBodyWithFreshToken() {
        replies.add(new Reply(503, "busy", 0));
        replies.add(new Reply(202, "{}", 0));
        outbox.raise("invoice.created", 42, 1, 1, PAYLOAD);

        outbox.drain(ledgerUrl());
        OutboxRow afterFailure = outbox.row("invoice.created:42").orElseThrow();
        assertThat(afterFailure.status()).isEqualTo("pending");
        assertThat(afterFailure.lastError()).isEqualTo("HTTP 503: busy");
        assertThat(afterFailure.nextAttemptAt()).isEqualTo(OCCURRED.plusSeconds(60));

        clock.advance(Duration.ofSeconds(59));
        assertThat(outbox.drain(ledgerUrl())).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        outbox.drain(ledgerUrl());

        OutboxRow done = outbox.row("invoice.created:42").orElseThrow();
        assertThat(done.status()).isEqualTo("succeeded");
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.syncRunId()).isNull();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).body()).isEqualTo(seen.get(0).body());
        assertThat(seen.get(1).idempotencyKey()).isEqualTo(seen.get(0).idempotencyKey());
        assertThat(seen.get(1).authorization()).isNotEqualTo(seen.get(0).authorization());
    }

    @Test
    void drain_transientFailures_followBackoffSchedule_andDeadLetterOnTenth() {
        for (int i = 0; i < 10; i++) {
            replies.add(new Reply(503, "down", 0));
        }
        outbox.raise("creditmemo.created", 17, 1, 1, Map.of("increment_id", "000000017"));
        long[] expectedDelays = {60, 300, 1800, 7200, 21600, 43200, 86400, 86400, 86400};
        long totalWait = 0;

        for (long delay : expectedDelays) {
            Instant attemptAt = clock.instant();
            outbox.drain(ledgerUrl());
            OutboxRow row = outbox.row("creditmemo.created:17").orElseThrow();
            assertThat(row.status()).isEqualTo("pending");
            assertThat(row.nextAttemptAt()).isEqualTo(attemptAt.plusSeconds(delay));
            clock.set(row.nextAttemptAt());
            totalWait += delay;
        }
        outbox.drain(ledgerUrl());

        OutboxRow last = outbox.row("creditmemo.created:17").orElseThrow();
        assertThat(last.status()).isEqualTo("dead_lettered");
        assertThat(last.attempts()).isEqualTo(10);
        assertThat(last.lastError()).isEqualTo("transient_exhausted: HTTP 503: down");
        assertThat(totalWait).isEqualTo(333_360L);
    }

    @Test
    void drain_redirectIsTransient_notFollowed() {
        replies.add(new Reply(302, "", 0));
        outbox.raise("product.upserted", 301, 0, 0, Map.of());

        outbox.drain(ledgerUrl());

        OutboxRow row = outbox.row("product.upserted:301").orElseThrow();
        assertThat(row.status()).isEqualTo("pending");
        assertThat(row.lastStatusCode()).isEqualTo(302);
        assertThat(seen).hasSize(1);
    }

    @Test
    void drain_timeoutAndConnectionRefused_areTransient() throws Exception {
        MagentoOutbox impatient =
                new MagentoOutbox(magento, () -> "jti-" + jtis.incrementAndGet(), Duration.ofMillis(300));
        replies.add(new Reply(202, "{}", 3000));
        impatient.raise("invoice.created", 42, 1, 1, PAYLOAD);
        impatient.drain(ledgerUrl());
        OutboxRow timedOut = impatient.row("invoice.created:42").orElseThrow();
        assertThat(timedOut.status()).isEqualTo("pending");
        assertThat(timedOut.lastStatusCode()).isNull();
        assertThat(timedOut.lastError()).contains("Timeout");

        outbox.raise("invoice.created", 43, 1, 1, PAYLOAD);
        outbox.drain("http://127.0.0.1:" + closedPort());
        OutboxRow refused = outbox.row("invoice.created:43").orElseThrow();
        assertThat(refused.status()).isEqualTo("pending");
        assertThat(refused.attempts()).isEqualTo(1);
    }

    @Test
    void drain_takesAtMost50RowsPerRun_inIdOrder() {
        for (int id = 1; id <= 55; id++) {
            replies.add(new Reply(202, "{}", 0));
            outbox.raise("customer.upserted", id, 1, 0, Map.of());
        }

        List<OutboxRow> attempted = outbox.drain(ledgerUrl());

        assertThat(attempted).hasSize(50);
        assertThat(attempted.get(0).idempotencyKey()).isEqualTo("customer.upserted:1");
        assertThat(attempted.get(49).idempotencyKey()).isEqualTo("customer.upserted:50");
        assertThat(outbox.drain(ledgerUrl())).hasSize(5);
    }

    @Test
    void outboundToken_claimsMatchTheSigner() throws Exception {
        String token = MagentoJwt.signOutbound(KEY, TENANT, OCCURRED, "jti-x");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);

        assertThat(new ObjectMapper().readTree(claims).get("exp").asLong()).isEqualTo(OCCURRED.getEpochSecond() + 60);
        assertThat(claims).startsWith("{\"iss\":\"magento\",\"sub\":");
    }

    private void markSynced(long invoiceId) throws Exception {
        long now = clock.instant().getEpochSecond();
        String token = MagentoJwt.signInbound(KEY, TENANT, now, now, now + 60, "push-" + invoiceId);
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(magento.baseUrl() + "/rest/V1/byte8/sync-state"))
                        .header("Authorization", "Bearer " + token)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"entity_type\":\"invoice\","
                                + "\"magento_entity_id\":" + invoiceId + ",\"provider\":\"sage_accounting\","
                                + "\"sync_status\":\"synced\"}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private HttpServer startLedger() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    seen.add(new Seen(exchange.getRequestURI().getRawPath(),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                    Reply reply = replies.pollFirst();
                    if (reply == null) {
                        reply = new Reply(500, "no scripted reply", 0);
                    }
                    if (reply.delayMillis() > 0) {
                        Thread.sleep(reply.delayMillis());
                    }
                    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
                    if (reply.status() == 302) {
                        exchange.getResponseHeaders().set("Location", "/elsewhere");
                    }
                    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
                    if (bytes.length > 0) {
                        exchange.getResponseBody().write(bytes);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String ledgerUrl() {
        return "http://127.0.0.1:" + ledger.getAddress().getPort();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, Object> orderedPayload() {
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("increment_id", "000000042");
        payload.put("paid", true);
        payload.put("note", "a/b");
        return payload;
    }
}
