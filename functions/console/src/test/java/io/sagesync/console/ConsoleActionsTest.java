package io.sagesync.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.sagesync.adapter.dynamodb.DynamoDbDailyTotals;
import io.sagesync.adapter.dynamodb.DynamoDbRunGauges;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.sage.oauth.SageAppCredentials;
import io.sagesync.admin.AdminConfig;
import io.sagesync.application.GaugedRunStore;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.domain.DocumentTotals;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.SyncRun;
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
