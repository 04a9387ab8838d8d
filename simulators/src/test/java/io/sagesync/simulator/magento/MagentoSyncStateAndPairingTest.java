package io.sagesync.simulator.magento;

import static io.sagesync.simulator.magento.MagentoSimulatorTest.KEY;
import static io.sagesync.simulator.magento.MagentoSimulatorTest.NOW;
import static io.sagesync.simulator.magento.MagentoSimulatorTest.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MagentoSyncStateAndPairingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger jtiCounter = new AtomicInteger();
    private MagentoSimulator magento = MagentoSimulator.builder().tenantId(TENANT).apiKey(KEY).clock(clock).start();

    @AfterEach
    void stop() {
        magento.close();
    }

    // ---- sync-state ----

    @Test
    void syncState_snakeCase_upsertsMirrorRowAndAnswersEmptyList() throws Exception {
        String body = "{\"entity_type\":\"invoice\",\"magento_entity_id\":42,\"provider\":\"sage_accounting\","
                + "\"sync_status\":\"synced\",\"provider_entity_id\":\"df6b646cf16\",\"provider_reference\":\"SI-27\","
                + "\"skip_reason\":null,\"error_code\":null,\"last_sync_at\":\"2026-04-30 10:12:03\"}";

        HttpResponse<String> response = post("/rest/V1/byte8/sync-state", body, true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
        assertThat(magento.syncState("invoice", 42)).contains(new SyncStateRow("invoice", 42, "sage_accounting",
                "synced", "df6b646cf16", "SI-27", null, null, "2026-04-30 10:12:03"));
        assertThat(magento.syncStateCalls()).containsExactly(body);
    }

    @Test
    void syncState_camelCase_isAccepted_andLastSyncAtDefaultsToNowUtc() throws Exception {
        String body = "{\"entityType\":\"creditmemo\",\"magentoEntityId\":17,\"provider\":\"sage_accounting\","
                + "\"syncStatus\":\"skipped\",\"skipReason\":\"outside_sync_since\"}";

        assertThat(post("/rest/V1/byte8/sync-state", body, true).statusCode()).isEqualTo(200);

        SyncStateRow row = magento.syncState("creditmemo", 17).orElseThrow();
        assertThat(row.syncStatus()).isEqualTo("skipped");
        assertThat(row.skipReason()).isEqualTo("outside_sync_since");
        assertThat(row.lastSyncAt()).isEqualTo("2026-04-30 10:12:00");
    }

    @Test
    void syncState_secondCallOverwritesTheSameRow() throws Exception {
        post("/rest/V1/byte8/sync-state", state("invoice", 42, "failed") .replace("}", ",\"error_code\":\"http\"}"),
                true);
        post("/rest/V1/byte8/sync-state", state("invoice", 42, "synced"), true);

        assertThat(magento.syncStates()).hasSize(1);
        assertThat(magento.syncState("invoice", 42).orElseThrow().syncStatus()).isEqualTo("synced");
        assertThat(magento.syncState("invoice", 42).orElseThrow().errorCode()).isNull();
        assertThat(magento.syncStateCalls()).hasSize(2);
    }

    @Test
    void syncState_rejectsUnknownEntityType() throws Exception {
        assertInvalid(state("order", 42, "synced"), "entity_type");
    }

    @Test
    void syncState_rejectsNonPositiveEntityId() throws Exception {
        assertInvalid(state("invoice", 0, "synced"), "magento_entity_id");
        assertInvalid(state("invoice", -3, "synced"), "magento_entity_id");
    }

    @Test
    void syncState_rejectsEmptyProvider() throws Exception {
        assertInvalid(state("invoice", 42, "synced").replace("sage_accounting", ""), "provider");
    }

    @Test
    void syncState_rejectsPendingAndUnknownStatuses() throws Exception {
        assertInvalid(state("invoice", 42, "pending"), "sync_status");
        assertInvalid(state("invoice", 42, "done"), "sync_status");
    }

    @Test
    void syncState_rejectsMissingRequiredField() throws Exception {
        HttpResponse<String> response = post("/rest/V1/byte8/sync-state",
                "{\"entity_type\":\"invoice\",\"magento_entity_id\":42,\"sync_status\":\"synced\"}", true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).at("/parameters/fieldName").asText()).isEqualTo("provider");
        assertThat(magento.syncStates()).isEmpty();
    }

    @Test
    void syncState_requiresInboundJwt() throws Exception {
        HttpResponse<String> response = post("/rest/V1/byte8/sync-state", state("invoice", 42, "synced"), false);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(magento.syncStates()).isEmpty();
    }

    // ---- pairing ----

    @Test
    void pairing_withFreshCode_storesCredentialsAndEnablesTheChannel() throws Exception {
        restartUnpaired();
        String code = magento.generatePairingCode();
        assertThat(code).matches("[0-9a-f]{32}");

        HttpResponse<String> response = post("/rest/V1/byte8/setup/pair", pairBody(" " + code + " ",
                "https://ledger.example.com/prod/"), false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
        assertThat(magento.tenantId()).isEqualTo(TENANT);
        assertThat(magento.apiKey()).isEqualTo(KEY);
        assertThat(magento.ledgerBaseUrl()).isEqualTo("https://ledger.example.com/prod");
        assertThat(get("/rest/V1/byte8/ping").statusCode()).isEqualTo(200);
    }

    @Test
    void pairing_acceptsCamelCaseKeys() throws Exception {
        restartUnpaired();
        String code = magento.generatePairingCode();
        String body = "{\"pairingCode\":\"" + code + "\",\"tenantId\":\"" + TENANT + "\",\"byte8ApiKey\":\"" + KEY
                + "\",\"ledgerBaseUrl\":\"http://127.0.0.1:3000\"}";

        assertThat(post("/rest/V1/byte8/setup/pair", body, false).statusCode()).isEqualTo(200);
        assertThat(magento.ledgerBaseUrl()).isEqualTo("http://127.0.0.1:3000");
    }

    @Test
    void pairing_withWrongCode_answers401() throws Exception {
        restartUnpaired();
        magento.generatePairingCode();

        HttpResponse<String> response = post("/rest/V1/byte8/setup/pair",
                pairBody("0123456789abcdef0123456789abcdef", "https://ledger.example.com"), false);

        assertUnpairedWith401(response);
    }

    @Test
    void pairing_withNoCodeGenerated_answers401() throws Exception {
        restartUnpaired();
        assertUnpairedWith401(post("/rest/V1/byte8/setup/pair",
                pairBody("0123456789abcdef0123456789abcdef", "https://ledger.example.com"), false));
    }

    @Test
    void pairing_withCodeOlderThan30Minutes_answers401_butExactly1800SecondsStillWorks() throws Exception {
        restartUnpaired();
        String code = magento.generatePairingCode();
        clock.advance(Duration.ofSeconds(1801));
        assertUnpairedWith401(post("/rest/V1/byte8/setup/pair", pairBody(code, "https://l.example"), false));

        clock.set(NOW);
        String fresh = magento.generatePairingCode();
        clock.advance(Duration.ofSeconds(1800));
        assertThat(post("/rest/V1/byte8/setup/pair", pairBody(fresh, "https://l.example"), false).statusCode())
                .isEqualTo(200);
    }

    @Test
    void pairing_codeIsSingleUse() throws Exception {
        restartUnpaired();
        String code = magento.generatePairingCode();
        assertThat(post("/rest/V1/byte8/setup/pair", pairBody(code, "https://l.example"), false).statusCode())
                .isEqualTo(200);

        HttpResponse<String> reuse = post("/rest/V1/byte8/setup/pair", pairBody(code, "https://l.example"), false);

        assertThat(reuse.statusCode()).isEqualTo(401);
        assertThat(json(reuse.body()).get("message").asText()).isEqualTo("Invalid or expired pairing code.");
    }

    @Test
    void pairing_withBlankField_answers400() throws Exception {
        restartUnpaired();
        String code = magento.generatePairingCode();
        String body = pairBody(code, "https://l.example").replace("\"" + KEY + "\"", "\"   \"");

        HttpResponse<String> response = post("/rest/V1/byte8/setup/pair", body, false);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("message").asText())
                .isEqualTo("pairing_code, tenant_id, byte8_api_key and ledger_base_url are all required.");
    }

    @Test
    void pairing_withMissingField_answers400() throws Exception {
        restartUnpaired();
        String code = magento.generatePairingCode();
        String body = "{\"pairing_code\":\"" + code + "\",\"tenant_id\":\"" + TENANT + "\",\"byte8_api_key\":\"k\"}";

        assertThat(post("/rest/V1/byte8/setup/pair", body, false).statusCode()).isEqualTo(400);
        assertThat(magento.tenantId()).isNull();
    }

    @Test
    void pairing_withRelativeLedgerUrl_answers400() throws Exception {
        restartUnpaired();
        String code = magento.generatePairingCode();

        HttpResponse<String> response = post("/rest/V1/byte8/setup/pair", pairBody(code, "ledger.example.com"), false);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("message").asText())
                .isEqualTo("ledger_base_url must be an absolute http(s) URL.");
    }

    // ---- helpers ----

    private void restartUnpaired() {
        magento.close();
        magento = MagentoSimulator.builder().clock(clock).start();
    }

    private void assertUnpairedWith401(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body()).get("message").asText()).isEqualTo("Invalid or expired pairing code.");
        assertThat(magento.tenantId()).isNull();
        assertThat(magento.apiKey()).isNull();
    }

    private void assertInvalid(String body, String field) throws Exception {
        HttpResponse<String> response = post("/rest/V1/byte8/sync-state", body, true);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("message").asText()).isNotBlank();
        assertThat(json(response.body()).at("/parameters/fieldName").asText()).isEqualTo(field);
        assertThat(magento.syncStates()).isEmpty();
    }

    private static String state(String type, long id, String status) {
        return "{\"entity_type\":\"" + type + "\",\"magento_entity_id\":" + id
                + ",\"provider\":\"sage_accounting\",\"sync_status\":\"" + status + "\"}";
    }

    private static String pairBody(String code, String ledgerUrl) {
        return "{\"pairing_code\":\"" + code + "\",\"tenant_id\":\"" + TENANT + "\",\"byte8_api_key\":\"" + KEY
                + "\",\"ledger_base_url\":\"" + ledgerUrl + "\"}";
    }

    private String token() {
        long now = clock.instant().getEpochSecond();
        return MagentoJwt.signInbound(KEY, TENANT, now, now, now + 120, "jti-" + jtiCounter.incrementAndGet());
    }

    private HttpResponse<String> post(String path, String body, boolean signed) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(magento.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signed) {
            request.header("Authorization", "Bearer " + token());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(magento.baseUrl() + path))
                .header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }
}
