package io.sagesync.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.sagesync.adapter.dynamodb.DynamoDbDailyTotals;
import io.sagesync.adapter.dynamodb.DynamoDbRunGauges;
import io.sagesync.adapter.dynamodb.DynamoDbSageReferenceCache;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.sage.oauth.SageAppCredentials;
import io.sagesync.admin.AdminConfig;
import io.sagesync.application.GaugedRunStore;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.domain.DocumentTotals;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.SageReference;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The console's newer areas and actions, signed in, on moto, wired as in Lambda. */
@ExtendWith(LocalAwsExtension.class)
class ConsoleActionsTest {
    private static final String TENANT = ConsoleAccessTest.TENANT;

    private final LocalAws aws;
    private final ConsoleHandler handler;
    private final DynamoDbSyncRunStore store;
    private final GaugedRunStore runs;

    ConsoleActionsTest(LocalAws aws) {
        this.aws = aws;
        SagesyncConfig b = aws.config(TENANT);
        SagesyncConfig config = new SagesyncConfig(b.tenantId(), b.tableName(), b.syncQueueUrl(), b.syncDlqUrl(),
                b.retryQueueUrl(), b.pushQueueUrl(), b.tenantSecretId(), b.sageSecretId(), b.keyCacheTtl(),
                b.jwtLeeway(), ConsoleAccessTest.SHOP + "/", "http://127.0.0.1:1");
        AdminConfig admin = new AdminConfig(TENANT, b.tableName(), b.tenantSecretId(), b.sageSecretId(), "",
                "http://127.0.0.1:1/v3.1", "http://127.0.0.1:1/token", "http://127.0.0.1:1/revoke",
                "https://www.sageone.com/oauth2/auth", "", "", "");
        this.handler = new ConsoleHandler(ConsoleComposition.of(config, admin,
                new ConsoleConfig("", "uk", "https://app.accounting.sage.com"), aws.clients(), Clock.systemUTC(),
                new SecureRandom(), () -> ConsoleAccessTest.PASSWORD.getBytes(StandardCharsets.UTF_8),
                () -> new SageAppCredentials("id", "secret")));
        this.store = new DynamoDbSyncRunStore(aws.clients().dynamoDb(), b.tableName(), Clock.systemUTC());
        // wired as the sync worker wires it: finishing a run with a document records its totals
        this.runs = new GaugedRunStore(store, store, new DynamoDbRunGauges(aws.clients().dynamoDb(), b.tableName()),
                new DynamoDbDailyTotals(aws.clients().dynamoDb(), b.tableName()));
    }

    @BeforeEach
    void reset() {
        aws.reset();
        aws.putTenantApiKey("test-master-api-key-0123456789abcdef");
    }

    @Test
    void reconciliation_showsMagentoAgainstSageMoneyPerDocumentDate_andLinksTheMismatchToItsRun() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        posted("run-ok", 1, today, "GBP", "126.00", "126.00");
        posted("run-off", 2, today, "GBP", "10.80", "10.60");
        posted("run-eur", 3, today.minusDays(1), "EUR", "50.00", "50.00");

        String page = get("/dashboard/reconciliation", signIn()).getBody();

        String money = page.substring(page.indexOf("<table id=\"money\""), page.indexOf("</table>",
                page.indexOf("<table id=\"money\"")));
        assertThat(money).contains(today.toString()).contains("2 invoices").contains("GBP")
                .contains("136.80").contains("136.60").contains("<strong>-0.20</strong>")
                .contains("<a href=\"/dashboard/runs/run-off\">invoice: Magento GBP 10.80, Sage 10.60</a>")
                .doesNotContain("/dashboard/runs/run-ok\"")
                .contains(today.minusDays(1).toString()).contains("EUR").contains("50.00")
                .contains("no documents posted");
        String run = get("/dashboard/runs/run-off", signIn()).getBody();
        assertThat(run).contains("10.80").contains("10.60");
    }

    @Test
    void replay_ofASkippedRun_withTheSessionsToken_queuesAFreshRun_once() {
        skipped("run-skip", 41);
        String cookie = signIn();
        String page = get("/dashboard/runs/run-skip", cookie).getBody();
        assertThat(page).contains("action=\"/dashboard/runs/run-skip/replay\"").contains(">Replay</button>");

        assertThat(post("/dashboard/runs/run-skip/replay", cookie, "csrf=forged").getStatusCode()).isEqualTo(403);
        assertThat(syncJobs()).isEmpty();

        var replayed = post("/dashboard/runs/run-skip/replay", cookie, "csrf=" + csrfOf(page));
        assertThat(replayed.getStatusCode()).isEqualTo(303);
        assertThat(replayed.getHeaders().get("Location")).isEqualTo("/dashboard/runs/run-skip-replay?notice=replayed");
        assertThat(syncJobs()).singleElement().asString().contains("run-skip-replay");
        assertThat(get("/dashboard/runs/run-skip-replay?notice=replayed", cookie).getBody())
                .contains("This is the replay of a skipped run");
        assertThat(get("/dashboard/runs/run-skip", cookie).getBody())
                .contains("Replayed as <a href=\"/dashboard/runs/run-skip-replay\">").doesNotContain(">Replay</button>");
    }

    @Test
    void replayOfTheDay_replaysEachSkippedRunListed_andNotTheOnesReplayedBefore() {
        skipped("run-a", 51);
        skipped("run-b", 52);
        String cookie = signIn();
        String list = get("/dashboard/runs?status=skipped", cookie).getBody();
        assertThat(list).contains("action=\"/dashboard/replay\"");

        var r = post("/dashboard/replay", cookie, "csrf=" + csrfOf(list) + "&day=" + LocalDate.now(ZoneOffset.UTC));
        assertThat(r.getHeaders().get("Location")).contains("notice=replayed_all&count=2");
        assertThat(get(r.getHeaders().get("Location"), cookie).getBody()).contains("Skipped runs replayed: 2.");
        var again = post("/dashboard/replay", cookie, "csrf=" + csrfOf(list) + "&day="
                + LocalDate.now(ZoneOffset.UTC));
        assertThat(again.getHeaders().get("Location")).contains("count=0");
        assertThat(syncJobs()).hasSize(2);
    }

    @Test
    void redriveOfOneRun_movesOnlyThatRunsDeadLetteredJob() {
        for (String runId : new String[] {"run-d1", "run-d2", "run-d3"}) {
            deadLetter(runId);
        }
        String cookie = signIn();
        String list = get("/dashboard/runs", cookie).getBody();
        assertThat(list).contains("action=\"/dashboard/runs/run-d1/redrive\"")
                .contains("action=\"/dashboard/runs/run-d2/redrive\"")
                .contains("action=\"/dashboard/runs/run-d3/redrive\"").contains("Redrive all");

        assertThat(post("/dashboard/runs/run-d2/redrive", cookie, "csrf=forged").getStatusCode()).isEqualTo(403);
        var r = post("/dashboard/runs/run-d2/redrive", cookie, "csrf=" + csrfOf(list));

        assertThat(r.getHeaders().get("Location")).isEqualTo("/dashboard/runs/run-d2?notice=redriven_run");
        assertThat(syncJobs()).singleElement().asString().contains("\"run-d2\"");
        String after = get("/dashboard/runs", cookie).getBody();
        assertThat(after).contains("/dashboard/runs/run-d1/redrive").contains("/dashboard/runs/run-d3/redrive")
                .doesNotContain("/dashboard/runs/run-d2/redrive");
        var again = post("/dashboard/runs/run-d2/redrive", cookie, "csrf=" + csrfOf(list));
        assertThat(again.getHeaders().get("Location")).endsWith("notice=not_dead_lettered");
    }

    @Test
    void recount_rebuildsATileThatDrifted_fromTheRuns() {
        skipped("run-done", 61);
        // a run whose gauge write was lost (written straight to the store), and a ghost the gauges still count
        Instant now = Instant.now();
        store.createIfAbsent(SyncRun.accepted(new SyncRun.Subject("run-lost", TENANT, EventName.INVOICE_CREATED,
                62, "invoice.created:62"), now));
        var gauges = new DynamoDbRunGauges(aws.clients().dynamoDb(), aws.tableName());
        gauges.queued("run-ghost", now);
        gauges.queued("run-ghost-2", now);
        String cookie = signIn();
        String list = get("/dashboard/runs", cookie).getBody();
        assertThat(list).contains("Pending: 2 ·");

        assertThat(post("/dashboard/gauges/recount", cookie, "csrf=forged").getStatusCode()).isEqualTo(403);
        var r = post("/dashboard/gauges/recount", cookie, "csrf=" + csrfOf(list));

        assertThat(r.getHeaders().get("Location")).isEqualTo("/dashboard/runs?notice=recounted&count=3");
        assertThat(get(r.getHeaders().get("Location"), cookie).getBody())
                .contains("runs corrected: 3.").contains("Pending: 1 ·");
        assertThat(gauges.contents().pending()).containsExactly("run-lost");
    }

    @Test
    void settings_taxRatesB2cAndProductTypes_savePerField_andRefusalsShowNextToTheirField() {
        new DynamoDbSageReferenceCache(aws.clients().dynamoDb(), aws.tableName()).save(new SageReference("biz",
                Map.of("GB_STANDARD", "Standard 20.00%", "GB_LOWER", "Lower 5.00%"), Map.of("4000", "Sales"),
                Map.of("5000", "Purchases"), Map.of("BANK1", "Current"), Instant.now()));
        String cookie = signIn();
        String page = get("/dashboard/settings", cookie).getBody();
        assertThat(page).contains("<legend>Tax rates by percentage</legend>").contains("<legend>B2C consolidation")
                .contains("name=\"b2c_consolidation.fallback_contact_email\"")
                .contains("name=\"product_type_eu_goods_map.virtual\"")
                .contains("<option value=\"GB_LOWER\">Lower 5.00%</option>");
        String csrf = csrfOf(page);

        var refused = post("/dashboard/settings", cookie, "csrf=" + csrf + "&sync_unpaid_invoices=true"
                + "&b2c_consolidation.enabled=true&b2c_consolidation.fallback_contact_name=Web+sales"
                + "&b2c_consolidation.fallback_contact_email=not-an-email"
                + "&b2c_consolidation.fallback_contact_reference=WEBSALES"
                + "&b2c_consolidation.min_total_for_individual=0");
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getBody())
                .contains("id=\"b2c_consolidation-fallback_contact_email\" name=\"b2c_consolidation."
                        + "fallback_contact_email\" value=\"not-an-email\" aria-invalid=\"true\"")
                .contains("id=\"b2c_consolidation-fallback_contact_email-error\">expected a valid email address");
        // the parser accepts the document, the reference check refuses the rate: shown next to the new row
        var unknownRate = post("/dashboard/settings", cookie, "csrf=" + csrf + "&sync_unpaid_invoices=true"
                + "&tax_rate_new.percent=7&tax_rate_new.rate=NOT_A_RATE");
        assertThat(unknownRate.getStatusCode()).isEqualTo(400);
        assertThat(unknownRate.getBody()).contains("id=\"tax_rate_new-percent\" name=\"tax_rate_new.percent\" "
                + "value=\"7\" aria-invalid=\"true\"").contains("NOT_A_RATE is not a Sage tax rate");
        assertThat(binding().policy().b2cConsolidation().enabled()).isFalse();

        var saved = post("/dashboard/settings", cookie, "csrf=" + csrf + "&sync_unpaid_invoices=true"
                + "&tax_rate_new.percent=5&tax_rate_new.rate=GB_LOWER"
                + "&b2c_consolidation.enabled=true&b2c_consolidation.fallback_contact_name=Web+sales"
                + "&b2c_consolidation.fallback_contact_email=accounts%40shop.example"
                + "&b2c_consolidation.fallback_contact_reference=WEBSALES"
                + "&b2c_consolidation.min_total_for_individual=250"
                + "&product_type_eu_goods_map.virtual=GOODS&product_type_new.type=giftcard"
                + "&product_type_new.value=SERVICES");
        assertThat(saved.getStatusCode()).isEqualTo(303);
        var policy = binding().policy();
        assertThat(policy.taxRateMap()).containsEntry("5.00", "GB_LOWER");
        assertThat(policy.b2cConsolidation().enabled()).isTrue();
        assertThat(policy.b2cConsolidation().fallbackContactEmail()).isEqualTo("accounts@shop.example");
        assertThat(policy.b2cConsolidation().minTotalForIndividual()).isEqualByComparingTo("250");
        assertThat(policy.productTypeEuGoodsMap()).containsEntry("giftcard",
                io.sagesync.domain.policy.EuGoodsServicesType.SERVICES).containsEntry("virtual",
                io.sagesync.domain.policy.EuGoodsServicesType.GOODS);
        assertThat(get("/dashboard/settings", cookie).getBody())
                .contains("name=\"tax_rate_map.5.00\"").contains("name=\"product_type_eu_goods_map.giftcard\"");
    }

    private io.sagesync.adapter.dynamodb.DynamoDbBindingStore binding() {
        return new io.sagesync.adapter.dynamodb.DynamoDbBindingStore(aws.clients().dynamoDb(), aws.tableName(),
                Clock.systemUTC());
    }

    private void skipped(String runId, long entityId) {
        Instant now = Instant.now();
        runs.createIfAbsent(SyncRun.accepted(new SyncRun.Subject(runId, TENANT, EventName.INVOICE_CREATED,
                entityId, "invoice.created:" + entityId), now));
        runs.start(runId, now);
        runs.finish(runId, RunOutcome.skipped("invoice_unpaid", now, now));
    }

    private void deadLetter(String runId) {
        var job = new io.sagesync.domain.SyncJob(runId, TENANT, EventName.INVOICE_CREATED, 7, 1, 1, 1);
        aws.clients().sqs().sendMessage(b -> b.queueUrl(aws.queueUrl("SyncDeadLetterQueue"))
                .messageBody(io.sagesync.adapter.sqs.SyncJobJson.write(job)).messageGroupId(TENANT)
                .messageDeduplicationId(runId));
    }

    private java.util.List<String> syncJobs() {
        return aws.clients().sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl("SyncQueue"))
                .maxNumberOfMessages(10).waitTimeSeconds(1)).messages().stream()
                .map(software.amazon.awssdk.services.sqs.model.Message::body).toList();
    }

    private APIGatewayV2HTTPResponse post(String path, String cookie, String form) {
        return handler.handleRequest(ConsoleEvents.post(path, cookie, form, Map.of("origin", ConsoleEvents.ORIGIN)),
                null);
    }

    private static String csrfOf(String page) {
        int at = page.indexOf("name=\"csrf\" value=\"") + "name=\"csrf\" value=\"".length();
        return page.substring(at, page.indexOf('"', at));
    }

    private void posted(String runId, long invoiceId, LocalDate date, String currency, String magento,
                        String sage) {
        Instant now = Instant.now();
        runs.createIfAbsent(SyncRun.accepted(new SyncRun.Subject(runId, TENANT, EventName.INVOICE_CREATED,
                invoiceId, "invoice.created:" + invoiceId), now));
        runs.start(runId, now);
        var totals = new DocumentTotals(DocumentTotals.Kind.INVOICE, date, currency, new BigDecimal(magento),
                new BigDecimal(sage));
        RunOutcome outcome = totals.mismatch()
                ? RunOutcome.reconciliationFailed("sage-" + runId, "SI-" + invoiceId, "total_amount differs",
                        java.util.List.of(), now, now)
                : RunOutcome.succeeded("sage-" + runId, "SI-" + invoiceId, false, now, now);
        runs.finish(runId, outcome.withTotals(totals));
    }

    private APIGatewayV2HTTPResponse get(String path, String cookie) {
        return handler.handleRequest(ConsoleEvents.get(path, cookie), null);
    }

    private String signIn() {
        var r = handler.handleRequest(ConsoleEvents.post("/dashboard/sign-in", null, "password="
                + ConsoleAccessTest.PASSWORD.replace(' ', '+'), Map.of("origin", ConsoleEvents.ORIGIN)), null);
        assertThat(r.getStatusCode()).isEqualTo(303);
        String setCookie = r.getCookies().get(0);
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
