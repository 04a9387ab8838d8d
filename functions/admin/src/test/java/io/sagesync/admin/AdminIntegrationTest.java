package io.sagesync.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.http.JdkHttpClients;
import io.sagesync.adapter.sage.oauth.SageAppCredentials;
import io.sagesync.domain.BindingState;
import io.sagesync.port.SageTokenSet;
import io.sagesync.retry.Sleeper;
import io.sagesync.simulator.magento.MagentoJwt;
import io.sagesync.simulator.magento.MagentoSimulator;
import io.sagesync.simulator.sage.AdjustableClock;
import io.sagesync.simulator.sage.SageSimulator;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import io.sagesync.webhook.WebhookComposition;
import io.sagesync.webhook.WebhookHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin function end to end: Magento simulator pairing, Sage simulator OAuth, emulated DynamoDB/Secrets. */
@ExtendWith(LocalAwsExtension.class)
class AdminIntegrationTest {
    static final String TENANT = "11111111-2222-4333-8444-555555555555";
    static final String OLD_KEY = "previous-api-key-0123456789abcdef";
    static final String LEDGER = "https://ledger.example.test";
    static final String REDIRECT = "https://ledger.example.test/sage/oauth/callback";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdjustableClock clock = new AdjustableClock(Instant.now());
    private final HttpClient http = JdkHttpClients.create(Duration.ofSeconds(5));
    private LocalAws aws;
    private MagentoSimulator magento;
    private SageSimulator sage;
    private AdminHandler admin;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        aws.reset();
        aws.putTenantApiKey(OLD_KEY);
        aws.adminClients().secretsManager().putSecretValue(b -> b.secretId("SageSecret").secretString("{}"));
        magento = MagentoSimulator.builder().clock(clock).start();
        sage = SageSimulator.start();
        AdminConfig config = new AdminConfig(TENANT, aws.tableName(), "TenantSecret", "SageSecret", "",
                sage.baseUrl(), sage.tokenUrl(), sage.revokeUrl(), sage.authorizeUrl(), REDIRECT, LEDGER, "", aws.kmsKeyId());
        admin = new AdminHandler(AdminComposition.of(config, aws.clients(), http, clock, new Random(7),
                Sleeper.threadSleep(), () -> UUID.randomUUID().toString(),
                () -> new SageAppCredentials("client-id", "client-secret")));
    }

    @AfterEach
    void tearDown() {
        magento.close();
        sage.close();
    }

    private JsonNode invoke(String json) throws Exception {
        return admin.handle(JSON.readTree(json));
    }

    private JsonNode pair(String code) throws Exception {
        ObjectNode request = JSON.createObjectNode().put("action", "pair").put("shop_url", magento.baseUrl() + "/")
                .put("pairing_code", code);
        return admin.handle(request);
    }

    private String currentApiKey() throws Exception {
        return JSON.readTree(aws.adminClients().secretsManager().getSecretValue(b -> b.secretId("TenantSecret"))
                .secretString()).path("api_key").asText();
    }

    private int webhookSignedWith(String apiKey) {
        var handler = new WebhookHandler(WebhookComposition.of(aws.config(TENANT), aws.clients(), Clock.systemUTC())
                .acceptWebhook());
        Map<String, String> headers = new HashMap<>();
        headers.put("authorization", "Bearer " + MagentoJwt.signOutbound(apiKey, TENANT, Instant.now(),
                UUID.randomUUID().toString()));
        headers.put("content-type", "application/json");
        headers.put("idempotency-key", "invoice.created:42");
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0")
                .withRouteKey("POST /webhooks/magento/{tenant_id}/{event}")
                .withRawPath("/webhooks/magento/" + TENANT + "/invoice.created")
                .withPathParameters(Map.of("tenant_id", TENANT, "event", "invoice.created"))
                .withHeaders(headers)
                .withBody("{\"magento_entity_id\":42,\"website_id\":1,\"store_id\":1,"
                        + "\"occurred_at\":\"2026-04-30T10:11:12Z\",\"payload\":{\"increment_id\":\"000000042\","
                        + "\"paid\":true}}")
                .withIsBase64Encoded(false).build();
        return handler.handleRequest(event, null).getStatusCode();
    }

    // ---------------------------------------------------------------- pairing

    @Test
    void pair_withValidCode_rotatesTheKey_provesThePing_andAWebhookSignedWithTheNewKeyIsAccepted() throws Exception {
        String code = magento.generatePairingCode();

        JsonNode result = pair("  " + code.toUpperCase() + " ");

        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("ping_ok").asBoolean()).isTrue();
        String newKey = currentApiKey();
        assertThat(newKey).isNotEqualTo(OLD_KEY).matches("[0-9a-f]{64}");
        assertThat(magento.apiKey()).isEqualTo(newKey);
        assertThat(magento.tenantId()).isEqualTo(TENANT);
        assertThat(magento.ledgerBaseUrl()).isEqualTo(LEDGER);
        assertThat(result.toString()).doesNotContain(newKey).doesNotContain(code);
        assertThat(webhookSignedWith(newKey)).isEqualTo(202);
        assertThat(webhookSignedWith(OLD_KEY)).isEqualTo(401);
        var versions = aws.adminClients().secretsManager().describeSecret(b -> b.secretId("TenantSecret"))
                .versionIdsToStages().values();
        assertThat(versions).as("old key stays recoverable").anyMatch(s -> s.contains("AWSPREVIOUS"));
    }

    @Test
    void pair_withWrongCode_explainsAndKeepsTheOldKey() throws Exception {
        magento.generatePairingCode();

        JsonNode result = pair("0123456789abcdef0123456789abcdef");

        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("error").asText()).isEqualTo("invalid_pairing_code");
        assertThat(result.path("message").asText()).contains("wrong", "30 minutes", "Generate a new code");
        assertThat(currentApiKey()).isEqualTo(OLD_KEY);
        assertThat(magento.apiKey()).isNull();
    }

    @Test
    void pair_withExpiredCode_explainsAndKeepsTheOldKey() throws Exception {
        String code = magento.generatePairingCode();
        clock.advance(Duration.ofMinutes(31));

        JsonNode result = pair(code);

        assertThat(result.path("error").asText()).isEqualTo("invalid_pairing_code");
        assertThat(currentApiKey()).isEqualTo(OLD_KEY);
    }

    @Test
    void pair_withBadOrUnreachableShop_saysWhich() throws Exception {
        JsonNode bad = invoke("{\"action\":\"pair\",\"shop_url\":\"shop.example.com\",\"pairing_code\":\"abc\"}");
        assertThat(bad.path("error").asText()).isEqualTo("bad_url");
        assertThat(bad.path("message").asText()).contains("https://");

        JsonNode plainHttp = invoke("{\"action\":\"pair\",\"shop_url\":\"http://shop.example.com\","
                + "\"pairing_code\":\"abc\"}");
        assertThat(plainHttp.path("error").asText()).isEqualTo("bad_url");

        JsonNode unreachable = invoke("{\"action\":\"pair\",\"shop_url\":\"http://127.0.0.1:1\","
                + "\"pairing_code\":\"abc\"}");
        assertThat(unreachable.path("error").asText()).isEqualTo("shop_unreachable");
        assertThat(unreachable.path("message").asText()).contains("127.0.0.1", "online");
        assertThat(currentApiKey()).isEqualTo(OLD_KEY);
    }

    // ---------------------------------------------------------------- Sage connect

    /** Follows the authorization URL on the simulator (as the browser would) and returns the callback query. */
    private Map<String, String> authorise(String authorizationUrl) throws Exception {
        HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT);
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private JsonNode callback(Map<String, String> query) {
        ObjectNode event = JSON.createObjectNode().put("version", "2.0").put("rawPath", "/sage/oauth/callback");
        event.putObject("requestContext").putObject("http").put("method", "GET");
        ObjectNode params = event.putObject("queryStringParameters");
        query.forEach(params::put);
        return admin.handle(event);
    }

    private String startUrl(String businessId) throws Exception {
        JsonNode start = invoke("{\"action\":\"sage_connect_start\""
                + (businessId == null ? "" : ",\"business_id\":\"" + businessId + "\"") + "}");
        assertThat(start.path("ok").asBoolean()).as(start.toString()).isTrue();
        return start.path("authorization_url").asText();
    }

    @Test
    void connect_usesPkceS256_storesTokensForTheChosenBusiness_andFillsTheReferenceCache() throws Exception {
        String url = startUrl(SageSimulator.LEAD_BUSINESS_ID);
        assertThat(url).contains("code_challenge_method=S256", "code_challenge=", "scope=full_access",
                "response_type=code", "client_id=client-id");

        JsonNode page = callback(authorise(url));

        assertThat(page.path("statusCode").asInt()).as(page.toString()).isEqualTo(200);
        assertThat(page.path("body").asText()).contains(SageSimulator.LEAD_BUSINESS_ID);
        SageTokenSet stored = aws.sageTokens().read().current().orElseThrow();
        assertThat(stored.businessId()).isEqualTo(SageSimulator.LEAD_BUSINESS_ID);
        assertThat(new DynamoDbBindingStore(aws.adminClients().dynamoDb(), aws.tableName(), clock).state()
                .sageConnection()).isEqualTo(BindingState.ACTIVE);
        JsonNode reference = invoke("{\"action\":\"refresh_reference\"}").path("reference");
        assertThat(reference.path("tax_rates").has("GB_STANDARD")).isTrue();
        assertThat(reference.path("sales_ledger_accounts").has(sage.ledgerAccountId("4000"))).isTrue();
        assertThat(reference.path("purchase_ledger_accounts").has(sage.ledgerAccountId("5000"))).isTrue();
        assertThat(reference.path("bank_accounts").has(sage.bankAccountId("GBP"))).isTrue();
    }

    @Test
    void theCallback_neverSwitchesAnActiveStackToAnotherBusiness_unlessTheOperatorConfirmedIt() throws Exception {
        assertThat(callback(authorise(startUrl(SageSimulator.LEAD_BUSINESS_ID))).path("statusCode").asInt())
                .isEqualTo(200);
        var store = aws.sageTokens();

        JsonNode unconfirmed = callback(authorise(startUrl(SageSimulator.SECOND_BUSINESS_ID)));

        assertThat(unconfirmed.path("statusCode").asInt()).isBetween(400, 499);
        assertThat(unconfirmed.path("body").asText()).contains("replace");
        assertThat(store.read().current().orElseThrow().businessId()).isEqualTo(SageSimulator.LEAD_BUSINESS_ID);

        JsonNode start = invoke("{\"action\":\"sage_connect_start\",\"business_id\":\""
                + SageSimulator.SECOND_BUSINESS_ID + "\",\"replace\":true}");
        JsonNode confirmed = callback(authorise(start.path("authorization_url").asText()));

        assertThat(confirmed.path("statusCode").asInt()).as(confirmed.toString()).isEqualTo(200);
        assertThat(store.read().current().orElseThrow().businessId()).isEqualTo(SageSimulator.SECOND_BUSINESS_ID);
    }

    @Test
    void state_isSingleUse() throws Exception {
        Map<String, String> query = authorise(startUrl(SageSimulator.LEAD_BUSINESS_ID));
        assertThat(callback(query).path("statusCode").asInt()).isEqualTo(200);

        JsonNode replay = invoke("{\"action\":\"sage_connect_finish\",\"code\":\"" + query.get("code")
                + "\",\"state\":\"" + query.get("state") + "\"}");

        assertThat(replay.path("error").asText()).isEqualTo("invalid_state");
        assertThat(replay.toString()).doesNotContain(query.get("code"));
    }

    @Test
    void state_expiresAfterTenMinutes() throws Exception {
        Map<String, String> query = authorise(startUrl(SageSimulator.LEAD_BUSINESS_ID));
        clock.advance(Duration.ofMinutes(11));

        JsonNode page = callback(query);

        assertThat(page.path("statusCode").asInt()).isEqualTo(400);
        assertThat(page.path("body").asText()).contains("expired", "sage_connect_start");
    }

    @Test
    void connect_withSeveralBusinessesAndNoChoice_listsThem_andStoresNothing() throws Exception {
        JsonNode page = callback(authorise(startUrl(null)));

        assertThat(page.path("statusCode").asInt()).isEqualTo(400);
        assertThat(page.path("body").asText()).contains(SageSimulator.LEAD_BUSINESS_ID,
                SageSimulator.SECOND_BUSINESS_ID, "business_id");
        assertThat(aws.sageTokens().read().current()).isEmpty();
    }

    @Test
    void disconnect_revokesAndClears() throws Exception {
        callback(authorise(startUrl(SageSimulator.LEAD_BUSINESS_ID)));

        JsonNode result = invoke("{\"action\":\"sage_disconnect\"}");

        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(sage.requestCount("POST", "/oauth/revoke")).isEqualTo(1);
        assertThat(aws.sageTokens().read().current()).isEmpty();
        assertThat(invoke("{\"action\":\"sage_keepalive\"}").path("skipped").asText()).contains("not connected");
    }

    // ---------------------------------------------------------------- settings

    @Test
    void putSettings_validatesSageIdsAgainstTheReferenceCache_withOneErrorPerField() throws Exception {
        callback(authorise(startUrl(SageSimulator.LEAD_BUSINESS_ID)));

        JsonNode bad = invoke("{\"action\":\"put_settings\",\"policy\":{\"default_tax_rate_id\":\"NOPE\","
                + "\"default_ledger_account_id\":\"" + sage.ledgerAccountId("5000") + "\","
                + "\"sync_unpaid_invoices\":\"maybe\"}}");
        assertThat(bad.path("error").asText()).isEqualTo("invalid_settings");
        assertThat(bad.path("field_errors").toString()).contains("sync_unpaid_invoices");

        JsonNode wrongIds = invoke("{\"action\":\"put_settings\",\"policy\":{\"default_tax_rate_id\":\"NOPE\","
                + "\"default_ledger_account_id\":\"" + sage.ledgerAccountId("5000") + "\"}}");
        assertThat(wrongIds.path("field_errors")).hasSize(2);
        assertThat(wrongIds.path("field_errors").get(0).asText()).startsWith("default_tax_rate_id: NOPE");
        assertThat(wrongIds.path("field_errors").get(1).asText()).startsWith("default_ledger_account_id")
                .contains("sales ledger account");

        JsonNode good = invoke("{\"action\":\"put_settings\",\"policy\":{\"default_tax_rate_id\":\"GB_STANDARD\","
                + "\"default_ledger_account_id\":\"" + sage.ledgerAccountId("4000") + "\","
                + "\"payment_method_map\":{\"checkmo\":\"" + sage.bankAccountId("GBP") + "\"}}}");
        assertThat(good.path("ok").asBoolean()).as(good.toString()).isTrue();
        assertThat(invoke("{\"action\":\"get_settings\"}").path("policy").path("default_tax_rate_id").asText())
                .isEqualTo("GB_STANDARD");
    }

    // ---------------------------------------------------------------- secrets never logged

    @Test
    void fullPairConnectAndRefresh_logsNoKeyTokenCodeOrEmail() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String code;
        Map<String, String> query;
        SageTokenSet connected;
        SageTokenSet refreshed;
        try {
            code = magento.generatePairingCode();
            assertThat(pair(code).path("ok").asBoolean()).isTrue();
            query = authorise(startUrl(SageSimulator.LEAD_BUSINESS_ID));
            assertThat(callback(query).path("statusCode").asInt()).isEqualTo(200);
            var store = aws.sageTokens();
            connected = store.read().current().orElseThrow();
            // force the keep-alive to refresh: pretend the refresh token is about to expire
            store.storeNow(new SageTokenSet(connected.accessToken(), connected.refreshToken(), connected.expiresAt(),
                    clock.instant().plus(Duration.ofDays(2)), connected.businessId()));
            assertThat(invoke("{\"action\":\"sage_keepalive\"}").path("refreshed").asBoolean()).isTrue();
            refreshed = store.read().current().orElseThrow();
            invoke("{\"action\":\"sage_disconnect\"}");
        } finally {
            System.setOut(stdout);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("magento paired", "sage connected", "sage token refreshed");
        assertThat(logs).doesNotContain(magento.apiKey(), code, query.get("code"), query.get("state"),
                connected.accessToken(), connected.refreshToken(), refreshed.accessToken(),
                refreshed.refreshToken(), "client-secret");
        assertThat(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}").matcher(logs).find())
                .as("no email addresses").isFalse();
    }
}
