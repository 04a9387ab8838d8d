package io.sagesync.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.local.browser.Chromium;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.magento.MagentoOutbox;
import io.sagesync.simulator.magento.ModuleLedgerCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The console in a real browser (headless Chromium from Debian) against the whole local pipeline: sign in, see the
 * first sync, open a failed run and read why, press Retry and watch it succeed, save a setting; then the money per
 * day, Replay of a skipped run, and the gauge recount. Screenshots go to
 * {@code target/screenshots}; with {@code SAGESYNC_UPDATE_SCREENSHOTS=1} also to {@code docs/console/} (the README
 * shows those).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static LocalPipeline pipeline;
    private static Chromium browser;
    private static String failedRunId;
    private static ModuleLedgerCalls module;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Chromium.installed()).as("Debian packages chromium and chromium-driver (.ci/run installs them)")
                .isTrue();
        LocalSettings d = LocalSettings.fromEnv(Map.of());
        pipeline = LocalPipeline.start(new LocalSettings(LocalModeIntegrationTest.freePort(), d.tenantId(),
                d.apiKey(), null, null, null, null, null, null, null, null, false), Clock.systemUTC());
        assertThat(FirstSyncDemo.run(pipeline, 42, Duration.ofSeconds(90)).synced()).isTrue();
        // a run that fails for good: Magento answers 404 to the worker's fetch
        pipeline.magento.putInvoice(77, CanonicalInvoices.gbpRegistered(77));
        pipeline.magento.failNextGets("invoice", 1, 404);
        var outbox = new MagentoOutbox(pipeline.magento);
        outbox.raise("invoice.created", 77, 1, 1, Map.of("increment_id", "000000077", "paid", true));
        outbox.drain(pipeline.apiUrl());
        module = new ModuleLedgerCalls(pipeline.apiUrl(), d.tenantId(), d.apiKey(), Clock.systemUTC());
        assertThat(Chromium.waitFor(Duration.ofSeconds(90), () -> "failed".equals(
                module.status("invoice", 77).json().path("status").asText()))).isTrue();
        failedRunId = module.status("invoice", 77).json().path("runs").path(0).path("sync_run_id").asText();
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void signIn() throws IOException {
        browser.open(pipeline.apiUrl() + "/dashboard/runs");
        assertThat(browser.url()).contains("/dashboard/sign-in");
        shot("sign-in");
        browser.type("#password", "wrong password");
        browser.click("main button[type=submit]");
        assertThat(browser.text("[role=alert]")).contains("not right");

        browser.type("#password", LocalSettings.DEFAULT_CONSOLE_PASSWORD);
        browser.click("main button[type=submit]");

        assertThat(browser.url()).endsWith("/dashboard/runs");
        assertThat(browser.text("h1")).isEqualTo("Runs");
    }

    @Test
    @Order(2)
    void seeTheFirstSync() throws IOException {
        browser.open(pipeline.apiUrl() + "/dashboard/runs?status=succeeded");
        String table = browser.text("table");
        assertThat(table).contains("invoice.created").contains("42").contains("succeeded").contains("SI-");
        shot("runs");
        browser.open(pipeline.apiUrl() + "/dashboard");
        assertThat(browser.pageText()).contains("Magento").contains("Sage").contains("active");
        shot("connection");
    }

    @Test
    @Order(3)
    void openAFailedRun_andReadItsReason() throws IOException {
        browser.open(pipeline.apiUrl() + "/dashboard/runs?status=failed");
        browser.click("tbody a");

        assertThat(browser.url()).endsWith("/dashboard/runs/" + failedRunId);
        assertThat(browser.text(".error-class")).contains("not_found");
        assertThat(browser.text(".reason")).contains("was not found");
        assertThat(browser.text(".detail")).isNotBlank();
        shot("failed-run");
    }

    @Test
    @Order(4)
    void pressRetry_andWatchTheRunSucceed() throws IOException {
        browser.click("form[action$='/retry'] button");
        assertThat(browser.text("[role=status]")).contains("queued again");

        boolean succeeded = Chromium.waitFor(Duration.ofSeconds(90), () -> {
            try {
                browser.open(pipeline.apiUrl() + "/dashboard/runs/" + failedRunId);
                return browser.text(".facts").contains("succeeded");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(succeeded).isTrue();
        assertThat(browser.exists("form[action$='/retry']")).isFalse();
        assertThat(browser.text(".facts")).contains("SI-");
        shot("retried");
    }

    @Test
    @Order(5)
    void saveASetting() throws IOException {
        browser.open(pipeline.apiUrl() + "/dashboard/settings");
        assertThat(browser.text("#default_ledger_account_id")).contains("Sales");
        assertThat(browser.exists("#payment_method_map-checkmo")).isTrue();

        browser.type("#sync_since", "not a date");
        browser.click("main button[type=submit]");
        assertThat(browser.text("#sync_since-error")).isNotBlank();
        shot("settings-error");

        browser.type("#sync_since", "");
        browser.type("#invoice_number_prefix", "WEB-");
        browser.click("main button[type=submit]");

        assertThat(browser.text("[role=status]")).contains("Settings saved");
        assertThat(browser.value("#invoice_number_prefix")).isEqualTo("WEB-");
        assertThat(browser.value("#sync_since")).isEmpty();
        assertThat(new io.sagesync.adapter.dynamodb.DynamoDbBindingStore(pipeline.aws.adminClients().dynamoDb(),
                pipeline.config.tableName(), Clock.systemUTC()).policy().invoiceNumberPrefix()).isEqualTo("WEB-");
        shot("settings");
    }

    @Test
    @Order(6)
    void reconciliation_showsTheMoneyOfBothSyncedInvoices() throws IOException {
        // the simulator's invoices are dated 2026-04-30: the week that ends then (what the date picker sends)
        browser.open(pipeline.apiUrl() + "/dashboard/reconciliation?day=2026-04-30");

        assertThat(browser.value("#day")).isEqualTo("2026-04-30");
        String money = browser.text("#money");
        assertThat(money).contains("2026-04-30").contains("2 invoices").contains("GBP");
        assertThat(browser.text("#money tbody tr")).contains("none");
        shot("reconciliation");
    }

    @Test
    @Order(7)
    void replayASkippedRun_andWatchTheReplaySucceed() throws IOException {
        var binding = new io.sagesync.adapter.dynamodb.DynamoDbBindingStore(pipeline.aws.adminClients().dynamoDb(),
                pipeline.config.tableName(), Clock.systemUTC());
        var format = new io.sagesync.adapter.policy.SyncPolicyJson();
        String merchants = format.serialise(binding.policy());
        assertThat(merchants).contains("\"sync_unpaid_invoices\":true");
        binding.savePolicy(format.parse(merchants.replace("\"sync_unpaid_invoices\":true",
                "\"sync_unpaid_invoices\":false")));
        pipeline.magento.putInvoice(88, CanonicalInvoices.builder(88).state("open").build());
        var outbox = new MagentoOutbox(pipeline.magento);
        outbox.raise("invoice.created", 88, 1, 1, Map.of("increment_id", "000000088", "paid", false));
        outbox.drain(pipeline.apiUrl());
        assertThat(Chromium.waitFor(Duration.ofSeconds(90), () -> "skipped".equals(
                module.status("invoice", 88).json().path("runs").path(0).path("status").asText()))).isTrue();
        String skippedRunId = module.status("invoice", 88).json().path("runs").path(0).path("sync_run_id").asText();
        // the merchant changes their mind: unpaid invoices go to Sage after all
        binding.savePolicy(format.parse(merchants));

        browser.open(pipeline.apiUrl() + "/dashboard/runs/" + skippedRunId);
        shot("skipped-run");
        browser.click("form[action$='/replay'] button");

        assertThat(browser.url()).contains("/dashboard/runs/" + skippedRunId + "-replay");
        assertThat(browser.text("[role=status]")).contains("replay of a skipped run");
        boolean succeeded = Chromium.waitFor(Duration.ofSeconds(90), () -> {
            try {
                browser.open(pipeline.apiUrl() + "/dashboard/runs/" + skippedRunId + "-replay");
                return browser.text(".facts").contains("succeeded");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(succeeded).isTrue();
        browser.open(pipeline.apiUrl() + "/dashboard/runs/" + skippedRunId);
        assertThat(browser.pageText()).contains("Replayed as");
        assertThat(browser.exists("form[action$='/replay']")).isFalse();
    }

    @Test
    @Order(8)
    void recountTheTile_fromTheRuns() throws IOException {
        browser.open(pipeline.apiUrl() + "/dashboard/runs");
        assertThat(browser.text("#tile-figures")).contains("Pending: 0").contains("failed in 24 h: 0");

        browser.click("form[action='/dashboard/gauges/recount'] button");

        assertThat(browser.text("[role=status]")).contains("recounted from the runs");
        assertThat(browser.text("#tile-figures")).contains("Pending: 0");
        shot("runs-tile");
    }

    @Test
    @Order(9)
    void connectSage_throughTheSimulatorsOAuthServer() throws IOException {
        browser.open(pipeline.apiUrl() + "/dashboard");
        assertThat(browser.value("#business_id")).isEqualTo(io.sagesync.simulator.sage.SageSimulator.LEAD_BUSINESS_ID);

        // the console sends the browser to Sage's authorise page, which returns it to /sage/oauth/callback
        browser.click("form[action='/dashboard/sage/connect'] button");

        assertThat(browser.url()).startsWith(pipeline.apiUrl() + "/sage/oauth/callback?code=");
        assertThat(browser.pageText()).contains("Sage connected to")
                .contains(io.sagesync.simulator.sage.SageSimulator.LEAD_BUSINESS_ID);
        browser.open(pipeline.apiUrl() + "/dashboard");
        assertThat(browser.pageText()).contains("connected to Sage business "
                + io.sagesync.simulator.sage.SageSimulator.LEAD_BUSINESS_ID);
        shot("sage-connected");
    }

    private static void shot(String name) throws IOException {
        browser.screenshot(Path.of("target", "screenshots", name + ".png"));
        if ("1".equals(System.getenv("SAGESYNC_UPDATE_SCREENSHOTS"))) {
            browser.screenshot(io.sagesync.testkit.TemplateResources.findTemplate().getParent().resolve("docs/console/" + name + ".png"));
        }
    }
}
