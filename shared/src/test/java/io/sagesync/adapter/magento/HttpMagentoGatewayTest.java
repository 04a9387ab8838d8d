package io.sagesync.adapter.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.adapter.ScriptedHttpServer;
import io.sagesync.adapter.ScriptedHttpServer.Received;
import io.sagesync.adapter.ScriptedHttpServer.Reply;
import io.sagesync.adapter.http.JdkHttpClients;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.port.MagentoCallException;
import io.sagesync.port.MagentoCallException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HttpMagentoGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptedHttpServer magento;
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private HttpMagentoGateway gateway;

    @BeforeEach
    void start() throws Exception {
        magento = new ScriptedHttpServer();
        // generous: on a loaded machine a short timeout turns a scripted answer into a timeout; the timeout test has
        // its own impatient gateway
        gateway = new HttpMagentoGateway(JdkHttpClients.create(Duration.ofSeconds(10)), magento.baseUrl() + "/",
                () -> "jwt-" + tokensIssued.incrementAndGet(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        magento.close();
    }

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void fetchCanonical_shouldGetTheEntityRouteAndReturnTheRawBody(EntityType type) {
        magento.enqueue(200, "{\"magento_id\":42,\"grand_total\":126.0}");

        String body = gateway.fetchCanonical(type, 42);

        assertThat(body).isEqualTo("{\"magento_id\":42,\"grand_total\":126.0}");
        Received r = magento.last();
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.pathAndQuery()).isEqualTo("/rest/V1/byte8/" + type.wireName() + "/42");
        assertThat(r.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void a401AfterRePairing_isRetriedOnceWithTheNewKey_andOnlyThenCountsAsAuth() {
        AtomicInteger reloads = new AtomicInteger();
        var rePaired = new HttpMagentoGateway(JdkHttpClients.create(Duration.ofSeconds(2)),
                () -> magento.baseUrl(), () -> "jwt-" + tokensIssued.incrementAndGet(), Duration.ofSeconds(5),
                () -> reloads.incrementAndGet() == 1);
        magento.enqueue(401, "{\"message\":\"The consumer isn't authorized\"}");
        magento.enqueue(200, "{\"magento_id\":42}");

        assertThat(rePaired.fetchCanonical(EntityType.INVOICE, 42)).isEqualTo("{\"magento_id\":42}");
        assertThat(magento.received()).hasSize(2);

        magento.enqueue(401, "{}");
        assertThatThrownBy(() -> rePaired.fetchCanonical(EntityType.INVOICE, 42))
                .isInstanceOfSatisfying(MagentoCallException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTH));
        assertThat(reloads.get()).isEqualTo(2);
    }

    @Test
    void aBodyOverTheCap_isRefusedWhileStreaming() {
        magento.enqueue(200, "x".repeat((int) HttpMagentoGateway.MAX_BODY_BYTES + 1));

        assertThatThrownBy(() -> gateway.fetchCanonical(EntityType.INVOICE, 42))
                .isInstanceOfSatisfying(MagentoCallException.class,
                        e -> assertThat(e.getMessage()).contains("larger than"));
    }

    @Test
    void theTimeoutBoundsTheWholeExchange_andIsTransient() {
        magento.enqueue(Reply.of(200, "{}").delayedBy(Duration.ofSeconds(3)));
        var bounded = new HttpMagentoGateway(JdkHttpClients.create(Duration.ofSeconds(2)), magento.baseUrl(),
                () -> "jwt", Duration.ofMillis(500));

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> bounded.fetchCanonical(EntityType.INVOICE, 42))
                .isInstanceOfSatisfying(MagentoCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void fetchPayment_shouldUseThePaymentRouteKeyedByInvoiceId() {
        magento.enqueue(200, "{\"invoice_id\":7}");

        assertThat(gateway.fetchPayment(7)).isEqualTo("{\"invoice_id\":7}");
        assertThat(magento.last().pathAndQuery()).isEqualTo("/rest/V1/byte8/payment/7");
    }

    @Test
    void everyRequest_shouldCarryAFreshlySuppliedBearerToken() {
        magento.enqueue(200, "{}").enqueue(200, "{}").enqueue(200, "[]");

        gateway.fetchCanonical(EntityType.INVOICE, 1);
        gateway.fetchCanonical(EntityType.INVOICE, 1);
        gateway.ping();

        assertThat(tokensIssued).hasValue(3);
        assertThat(magento.received()).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer jwt-1", "Bearer jwt-2", "Bearer jwt-3");
    }

    @Test
    void fetch_shouldRefuseNonPositiveIdsWithoutCallingMagento() {
        assertThatThrownBy(() -> gateway.fetchCanonical(EntityType.CUSTOMER, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(magento.received()).isEmpty();
        assertThat(tokensIssued).hasValue(0);
    }

    @Test
    void notFound_shouldMapToNotFound() {
        magento.enqueue(404, "{\"message\":\"No such entity with %fieldName = %fieldValue\","
                + "\"parameters\":{\"fieldName\":\"email\",\"fieldValue\":\"jane@example.com\"}}");

        MagentoCallException e = catchThrowableOfType(MagentoCallException.class,
                () -> gateway.fetchCanonical(EntityType.INVOICE, 9));

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.kind().retryable()).isFalse();
    }

    @Test
    void unauthorizedAndForbidden_shouldMapToAuth() {
        magento.enqueue(401, "{\"message\":\"The consumer isn't authorized to access %resources.\"}")
                .enqueue(403, "");

        assertThat(catchThrowableOfType(MagentoCallException.class, () -> gateway.ping()).kind())
                .isEqualTo(Kind.AUTH);
        MagentoCallException forbidden = catchThrowableOfType(MagentoCallException.class, () -> gateway.ping());
        assertThat(forbidden.kind()).isEqualTo(Kind.AUTH);
        assertThat(forbidden.kind().errorClass()).isEqualTo(ErrorClass.AUTH);
    }

    @Test
    void badRequest_shouldBeRejectedWithMagentosMessageTemplateButNotItsParameters() {
        magento.enqueue(400, "{\"message\":\"Invalid value of \\\"%value\\\" provided for the %fieldName field.\","
                + "\"parameters\":{\"value\":\"jane@example.com\",\"fieldName\":\"sync_status\"}}");

        MagentoCallException e = catchThrowableOfType(MagentoCallException.class,
                () -> gateway.pushSyncState(sampleUpdate()));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).contains("Invalid value of \"%value\" provided for the %fieldName field.")
                .doesNotContain("jane@example.com");
    }

    @Test
    void rejectedMessage_shouldBeTruncated() {
        magento.enqueue(422, "{\"message\":\"" + "x".repeat(1000) + "\"}");

        MagentoCallException e = catchThrowableOfType(MagentoCallException.class, () -> gateway.ping());

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).hasSizeLessThan(HttpMagentoGateway.MAX_ERROR_TEXT + 60);
    }

    @Test
    void rejected_shouldTolerateANonJsonBody() {
        magento.enqueue(400, "<html>Bad Request</html>");

        MagentoCallException e = catchThrowableOfType(MagentoCallException.class, () -> gateway.ping());

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).isEqualTo("Magento ping answered 400");
    }

    @Test
    void serverErrorsAndRedirects_shouldBeTransient() {
        magento.enqueue(500, "{\"message\":\"Internal Error\"}")
                .enqueue(Reply.of(302, "").withHeader("Location", "https://elsewhere.example/login"));

        MagentoCallException serverError = catchThrowableOfType(MagentoCallException.class,
                () -> gateway.fetchCanonical(EntityType.PRODUCT, 3));
        MagentoCallException redirect = catchThrowableOfType(MagentoCallException.class,
                () -> gateway.fetchCanonical(EntityType.PRODUCT, 3));

        assertThat(serverError.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(serverError.kind().retryable()).isTrue();
        assertThat(redirect.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(redirect.httpStatus()).isEqualTo(302);
        assertThat(magento.received()).hasSize(2);
    }

    @Test
    void throttlingInFrontOfTheShop_shouldBeTransientNotRejected() {
        magento.enqueue(429, "<html>Too Many Requests</html>").enqueue(408, "");

        assertThat(catchThrowableOfType(MagentoCallException.class, () -> gateway.ping()).kind())
                .isEqualTo(Kind.TRANSIENT);
        assertThat(catchThrowableOfType(MagentoCallException.class, () -> gateway.ping()).kind())
                .isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void timeout_shouldBeTransientWithoutStatus() {
        HttpMagentoGateway impatient = new HttpMagentoGateway(JdkHttpClients.create(Duration.ofSeconds(2)),
                magento.baseUrl() + "/", () -> "jwt", Duration.ofMillis(500));
        magento.enqueue(Reply.of(200, "{}").delayedBy(Duration.ofMillis(3000)));

        MagentoCallException e = catchThrowableOfType(MagentoCallException.class,
                () -> impatient.fetchCanonical(EntityType.INVOICE, 5));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.getMessage()).contains("timed out");
    }

    @Test
    void connectionRefused_shouldBeTransient() {
        String deadBase = magento.baseUrl();
        magento.close();
        HttpMagentoGateway dead = new HttpMagentoGateway(JdkHttpClients.create(Duration.ofSeconds(1)), deadBase,
                () -> "jwt", Duration.ofMillis(500));

        MagentoCallException e = catchThrowableOfType(MagentoCallException.class, dead::ping);

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void ping_shouldTreatAListBodyAsAlive() {
        magento.enqueue(200, "[true,\"tenant-1\",\"2026-04-30T10:12:00+00:00\"]");

        gateway.ping();

        assertThat(magento.last().pathAndQuery()).isEqualTo("/rest/V1/byte8/ping");
    }

    @Test
    void pushSyncState_shouldPostExactlyTheContractKeysWithAMysqlTimestamp() throws Exception {
        magento.enqueue(200, "[]");
        SyncStateUpdate update = SyncStateUpdate.synced(EntityType.INVOICE, 42, "df6b646cf16", "SI-27",
                Instant.parse("2026-04-30T10:12:03.987654Z"));

        gateway.pushSyncState(update);

        Received r = magento.last();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.pathAndQuery()).isEqualTo("/rest/V1/byte8/sync-state");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = JSON.readTree(r.body());
        List<String> keys = new ArrayList<>();
        Iterator<String> names = body.fieldNames();
        names.forEachRemaining(keys::add);
        assertThat(keys).containsExactly("entity_type", "magento_entity_id", "provider", "sync_status",
                "provider_entity_id", "provider_reference", "skip_reason", "error_code", "last_sync_at");
        assertThat(body.get("entity_type").asText()).isEqualTo("invoice");
        assertThat(body.get("magento_entity_id").isIntegralNumber()).isTrue();
        assertThat(body.get("magento_entity_id").asLong()).isEqualTo(42);
        assertThat(body.get("provider").asText()).isEqualTo("sage_accounting");
        assertThat(body.get("sync_status").asText()).isEqualTo("synced");
        assertThat(body.get("provider_entity_id").asText()).isEqualTo("df6b646cf16");
        assertThat(body.get("provider_reference").asText()).isEqualTo("SI-27");
        assertThat(body.get("skip_reason").isNull()).isTrue();
        assertThat(body.get("error_code").isNull()).isTrue();
        assertThat(body.get("last_sync_at").asText()).isEqualTo("2026-04-30 10:12:03");
    }

    @Test
    void pushSyncState_shouldSendFailedWithTheErrorClassWireName() throws Exception {
        magento.enqueue(200, "[]");

        gateway.pushSyncState(SyncStateUpdate.failed(EntityType.CREDITMEMO, 17, ErrorClass.RATE_LIMITED,
                Instant.parse("2026-01-02T03:04:05Z")));

        JsonNode body = JSON.readTree(magento.last().body());
        assertThat(body.get("sync_status").asText()).isEqualTo("failed");
        assertThat(body.get("error_code").asText()).isEqualTo("rate_limited");
        assertThat(body.get("entity_type").asText()).isEqualTo("creditmemo");
        assertThat(body.get("last_sync_at").asText()).isEqualTo("2026-01-02 03:04:05");
    }

    @Test
    void pushSyncState_shouldSendStringsTruncatedTo64Characters() throws Exception {
        magento.enqueue(200, "[]");
        String longReason = "r".repeat(100);

        gateway.pushSyncState(SyncStateUpdate.skipped(EntityType.PRODUCT, 301, longReason, Instant.EPOCH));

        JsonNode body = JSON.readTree(magento.last().body());
        assertThat(body.get("skip_reason").asText()).isEqualTo("r".repeat(64));
        assertThat(body.get("sync_status").asText()).isEqualTo("skipped");
    }

    private static SyncStateUpdate sampleUpdate() {
        return SyncStateUpdate.skipped(EntityType.INVOICE, 42, "payment_method_not_mapped", Instant.EPOCH);
    }
}
