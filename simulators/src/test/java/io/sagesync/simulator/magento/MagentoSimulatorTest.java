package io.sagesync.simulator.magento;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MagentoSimulatorTest {

    static final String KEY = "test-master-api-key-0123456789abcdef";
    static final String TENANT = "11111111-2222-4333-8444-555555555555";
    static final Instant NOW = Instant.parse("2026-04-30T10:12:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger jtiCounter = new AtomicInteger();
    private final MagentoSimulator magento =
            MagentoSimulator.builder().tenantId(TENANT).apiKey(KEY).clock(clock).start();

    @AfterEach
    void stop() {
        magento.close();
    }

    @Test
    void baseUrl_isLoopbackWithoutTrailingSlash() {
        assertThat(magento.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void ping_answersMagentoReindexedList() throws Exception {
        HttpResponse<String> response = get("/rest/V1/byte8/ping", token());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[true,\"" + TENANT + "\",\"2026-04-30T10:12:00+00:00\"]");
        assertThat(magento.acceptedTokens()).isEqualTo(1);
    }

    @Test
    void getInvoice_returnsSeededCanonicalBytes_underBothPrefixes() throws Exception {
        String canonical = CanonicalInvoices.gbpRegistered(42);
        magento.putInvoice(42, canonical);

        HttpResponse<String> plain = get("/rest/V1/byte8/invoice/42", token());
        HttpResponse<String> storeCode = get("/rest/default/V1/byte8/invoice/42", token());

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).isEqualTo(canonical);
        assertThat(storeCode.body()).isEqualTo(canonical);
        assertThat(magento.requestCount("/rest/V1/byte8/invoice/42")).isEqualTo(2);
        assertThat(magento.requestCount("invoice/42")).isEqualTo(2);
    }

    @Test
    void otherEntityRoutes_serveTheirOwnSeeds() throws Exception {
        magento.putCreditMemo(17, "{\"magento_id\":17}");
        magento.putCustomer(5, CanonicalContacts.janeSmith(5).toJson());
        magento.putProduct(301, "{\"magento_id\":301}");
        magento.putPayment(42, "{\"magento_id\":42}");

        assertThat(get("/rest/V1/byte8/creditmemo/17", token()).body()).isEqualTo("{\"magento_id\":17}");
        assertThat(json(get("/rest/V1/byte8/customer/5", token()).body()).get("email").asText())
                .isEqualTo("jane@example.co.uk");
        assertThat(get("/rest/V1/byte8/product/301", token()).body()).isEqualTo("{\"magento_id\":301}");
        assertThat(get("/rest/V1/byte8/payment/42", token()).body()).isEqualTo("{\"magento_id\":42}");
        JsonNode methods = json(get("/rest/V1/byte8/payment-methods", token()).body());
        assertThat(methods.isArray()).isTrue();
        assertThat(methods.get(0).get("code").asText()).isEqualTo("checkmo");
    }

    @Test
    void unknownId_answers404WithMagentoEnvelope() throws Exception {
        HttpResponse<String> response = get("/rest/V1/byte8/invoice/999", token());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body()).get("message").asText()).isEqualTo("No such entity with %fieldName = %fieldValue");
        assertThat(json(response.body()).at("/parameters/fieldValue").asText()).isEqualTo("999");
    }

    @Test
    void unknownRoute_answers404() throws Exception {
        assertThat(get("/rest/V1/byte8/order/1", token()).statusCode()).isEqualTo(404);
    }

    @Test
    void missingOrInvalidToken_answers401AndRecordsReason() throws Exception {
        magento.putInvoice(42, CanonicalInvoices.gbpRegistered(42));
        String expired = MagentoJwt.signInbound(KEY, TENANT, NOW.getEpochSecond() - 100,
                NOW.getEpochSecond() - 100, NOW.getEpochSecond() - 1, "old");

        HttpResponse<String> none = get("/rest/V1/byte8/invoice/42", null);
        HttpResponse<String> stale = get("/rest/V1/byte8/invoice/42", expired);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none.body()).get("message").asText())
                .isEqualTo("The consumer isn't authorized to access %resources.");
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(magento.rejections())
                .containsExactly(MagentoJwt.Rejection.MISSING_BEARER, MagentoJwt.Rejection.EXPIRED);
        assertThat(magento.acceptedTokens()).isZero();
    }

    @Test
    void reusedToken_isRejectedOnSecondRequest() throws Exception {
        String once = token();
        assertThat(get("/rest/V1/byte8/ping", once).statusCode()).isEqualTo(200);
        assertThat(get("/rest/V1/byte8/ping", once).statusCode()).isEqualTo(401);
        assertThat(magento.rejections()).containsExactly(MagentoJwt.Rejection.REPLAYED_JTI);
    }

    @Test
    void forceUnauthorized_rejectsEvenValidTokens_untilSwitchedOff() throws Exception {
        magento.forceUnauthorized(true);
        assertThat(get("/rest/V1/byte8/ping", token()).statusCode()).isEqualTo(401);
        magento.forceUnauthorized(false);
        assertThat(get("/rest/V1/byte8/ping", token()).statusCode()).isEqualTo(200);
    }

    @Test
    void failNextGets_answersConfiguredStatusThenRecovers() throws Exception {
        magento.putInvoice(42, CanonicalInvoices.gbpRegistered(42));
        magento.failNextGets("invoice", 2, 503);

        assertThat(get("/rest/V1/byte8/invoice/42", token()).statusCode()).isEqualTo(503);
        assertThat(get("/rest/V1/byte8/invoice/42", token()).statusCode()).isEqualTo(503);
        assertThat(get("/rest/V1/byte8/invoice/42", token()).statusCode()).isEqualTo(200);
    }

    @Test
    void delayNextGets_stallsTheAnswer() throws Exception {
        magento.putProduct(301, "{\"magento_id\":301}");
        magento.delayNextGets("product", 1, Duration.ofMillis(400));
        HttpRequest request = HttpRequest.newBuilder(URI.create(magento.baseUrl() + "/rest/V1/byte8/product/301"))
                .header("Authorization", "Bearer " + token()).timeout(Duration.ofMillis(100)).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    String token() {
        long now = clock.instant().getEpochSecond();
        return MagentoJwt.signInbound(KEY, TENANT, now, now, now + 120, "jti-" + jtiCounter.incrementAndGet());
    }

    HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(magento.baseUrl() + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }
}
