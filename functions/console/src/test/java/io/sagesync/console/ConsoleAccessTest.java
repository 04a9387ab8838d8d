package io.sagesync.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.sage.oauth.SageAppCredentials;
import io.sagesync.admin.AdminConfig;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No data and no action without a session; no action from another site or without the session's CSRF token. The
 * console handler on moto, wired as in Lambda; requests shaped as API Gateway sends them.
 */
@ExtendWith(LocalAwsExtension.class)
class ConsoleAccessTest {
    static final String TENANT = "11111111-2222-4333-8444-555555555555";
    static final String PASSWORD = "correct horse battery staple";
    static final String SHOP = "https://shop.example.com";
    private static final String SECRET_REFERENCE = "SI-CONFIDENTIAL-1";

    private final LocalAws aws;
    private final ConsoleHandler handler;
    private final DynamoDbSyncRunStore runs;
    private String runId;

    ConsoleAccessTest(LocalAws aws) {
        this.aws = aws;
        SagesyncConfig b = aws.config(TENANT);
        SagesyncConfig config = new SagesyncConfig(b.tenantId(), b.tableName(), b.syncQueueUrl(), b.syncDlqUrl(),
                b.retryQueueUrl(), b.pushQueueUrl(), b.tenantSecretId(), b.sageSecretId(), b.keyCacheTtl(),
                b.jwtLeeway(), SHOP + "/", "http://127.0.0.1:1");
        ConsoleConfig console = new ConsoleConfig("", "uk", "https://app.accounting.sage.com");
        AdminConfig admin = new AdminConfig(TENANT, b.tableName(), b.tenantSecretId(), b.sageSecretId(), "",
                "http://127.0.0.1:1/v3.1", "http://127.0.0.1:1/token", "http://127.0.0.1:1/revoke",
                "https://www.sageone.com/oauth2/auth", "", "", "").withKmsKeyId(aws.kmsKeyId());
        this.handler = new ConsoleHandler(ConsoleComposition.of(config, admin, console, aws.clients(),
                Clock.systemUTC(),
                new SecureRandom(), () -> PASSWORD.getBytes(StandardCharsets.UTF_8),
                () -> new SageAppCredentials("id", "secret")));
        this.runs = new DynamoDbSyncRunStore(aws.clients().dynamoDb(), b.tableName(), Clock.systemUTC());
    }

    @BeforeEach
    void seedAFailedRunWithRecognisableData() {
        aws.reset();
        aws.putTenantApiKey("test-master-api-key-0123456789abcdef");
        runId = "run-" + System.nanoTime();
        Instant now = Instant.now();
        runs.createIfAbsent(SyncRun.accepted(new SyncRun.Subject(runId, TENANT, EventName.INVOICE_CREATED, 9001,
                "invoice.created:9001"), now));
        runs.start(runId, now);
        runs.finish(runId, new RunOutcome(RunStatus.FAILED, ErrorClass.VALIDATION, SECRET_REFERENCE, null, null,
                null, java.util.List.of(), now, now));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/dashboard/runs", "/dashboard/runs?status=failed",
        "/dashboard/reconciliation", "/dashboard/settings", "/embed/" + TENANT, "/dashboard/anything"})
    void everyPage_withoutASession_redirectsToSignIn_andShowsNoData(String path) {
        for (String cookie : new String[] {null, ConsoleWeb.COOKIE + "=forged-token-value"}) {
            APIGatewayV2HTTPResponse r = handler.handleRequest(ConsoleEvents.get(path, cookie), null);
            assertThat(r.getStatusCode()).isEqualTo(303);
            assertThat(r.getHeaders().get("Location")).startsWith("/dashboard/sign-in");
            assertThat(r.getBody()).doesNotContain(SECRET_REFERENCE).doesNotContain("9001");
        }
    }

    @Test
    void theRunPage_withoutASession_showsNothingOfTheRun() {
        var r = handler.handleRequest(ConsoleEvents.get("/dashboard/runs/" + runId, null), null);
        assertThat(r.getStatusCode()).isEqualTo(303);
        assertThat(r.getBody()).doesNotContain(SECRET_REFERENCE).doesNotContain(runId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard/runs/RUN/retry", "/dashboard/redrive", "/dashboard/settings",
        "/dashboard/pair", "/dashboard/sage/connect", "/dashboard/sign-out", "/dashboard/runs/RUN/replay",
        "/dashboard/runs/RUN/redrive", "/dashboard/replay", "/dashboard/gauges/recount"})
    void everyAction_withoutASession_is401_andChangesNothing(String path) {
        var r = handler.handleRequest(ConsoleEvents.post(path.replace("RUN", runId), null, "csrf=x",
                Map.of("origin", ConsoleEvents.ORIGIN)), null);
        assertThat(r.getStatusCode()).isEqualTo(401);
        assertThat(r.getBody()).doesNotContain(SECRET_REFERENCE);
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void retry_withASession_butAForgedOrMissingCsrfToken_isRefused() {
        String cookie = signIn();
        for (String form : List.of("", "csrf=forged")) {
            var r = handler.handleRequest(ConsoleEvents.post("/dashboard/runs/" + runId + "/retry", cookie, form,
                    Map.of("origin", ConsoleEvents.ORIGIN)), null);
            assertThat(r.getStatusCode()).isEqualTo(403);
        }
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void retry_fromAnotherSite_isRefused_evenWithTheRightToken() {
        String cookie = signIn();
        String csrf = csrfOf(cookie);
        var foreign = Map.of("origin", "https://evil.example");
        var crossSite = Map.of("origin", ConsoleEvents.ORIGIN, "sec-fetch-site", "cross-site");
        var nullOrigin = Map.of("origin", "null");
        for (Map<String, String> headers : List.of(foreign, crossSite, nullOrigin, Map.<String, String>of())) {
            var r = handler.handleRequest(ConsoleEvents.post("/dashboard/runs/" + runId + "/retry", cookie,
                    "csrf=" + csrf, headers), null);
            assertThat(r.getStatusCode()).as(headers.toString()).isEqualTo(403);
        }
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.FAILED);

        var genuine = handler.handleRequest(ConsoleEvents.post("/dashboard/runs/" + runId + "/retry", cookie,
                "csrf=" + csrf, Map.of("origin", ConsoleEvents.ORIGIN)), null);
        assertThat(genuine.getStatusCode()).isEqualTo(303);
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
    }

    @Test
    void signIn_setsAPartitionedSecureHttpOnlyCookie_andPagesMayBeFramedOnlyByTheShop() {
        var r = handler.handleRequest(ConsoleEvents.post("/dashboard/sign-in", null, "password="
                + PASSWORD.replace(' ', '+'), Map.of("origin", ConsoleEvents.ORIGIN)), null);
        assertThat(r.getStatusCode()).isEqualTo(303);
        assertThat(r.getCookies()).singleElement().asString().startsWith(ConsoleWeb.COOKIE + "=")
                .contains("Secure").contains("HttpOnly").contains("SameSite=None").contains("Partitioned")
                .contains("Path=/");
        var page = handler.handleRequest(ConsoleEvents.get("/embed/" + TENANT, cookieOf(r)), null);
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders().get("Content-Security-Policy")).contains("frame-ancestors " + SHOP)
                .doesNotContain("frame-ancestors *");
        assertThat(handler.handleRequest(ConsoleEvents.get("/embed/another-tenant", cookieOf(r)), null)
                .getStatusCode()).isEqualTo(404);
    }

    @Test
    void signIn_fromAnotherSite_orWithAWrongPassword_isRefused_andRateLimited() {
        var crossSite = handler.handleRequest(ConsoleEvents.post("/dashboard/sign-in", null, "password="
                + PASSWORD.replace(' ', '+'), Map.of("origin", "https://evil.example")), null);
        assertThat(crossSite.getStatusCode()).isEqualTo(403);
        assertThat(crossSite.getCookies()).isNull();

        int lastStatus = 0;
        for (int i = 0; i < 11; i++) {
            lastStatus = handler.handleRequest(ConsoleEvents.post("/dashboard/sign-in", null, "password=guess" + i,
                    Map.of("origin", ConsoleEvents.ORIGIN)), null).getStatusCode();
            assertThat(lastStatus).isIn(401, 429);
        }
        assertThat(lastStatus).isEqualTo(429);
        // even the right password waits out the window once the budget is spent
        assertThat(handler.handleRequest(ConsoleEvents.post("/dashboard/sign-in", null, "password="
                + PASSWORD.replace(' ', '+'), Map.of("origin", ConsoleEvents.ORIGIN)), null).getStatusCode())
                .isEqualTo(429);
    }

    private String signIn() {
        var r = handler.handleRequest(ConsoleEvents.post("/dashboard/sign-in", null, "password="
                + PASSWORD.replace(' ', '+'), Map.of("origin", ConsoleEvents.ORIGIN)), null);
        assertThat(r.getStatusCode()).isEqualTo(303);
        return cookieOf(r);
    }

    private static String cookieOf(APIGatewayV2HTTPResponse signIn) {
        String setCookie = signIn.getCookies().get(0);
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private String csrfOf(String cookie) {
        String page = handler.handleRequest(ConsoleEvents.get("/dashboard/runs/" + runId, cookie), null).getBody();
        int at = page.indexOf("name=\"csrf\" value=\"") + "name=\"csrf\" value=\"".length();
        return page.substring(at, page.indexOf('"', at));
    }
}
