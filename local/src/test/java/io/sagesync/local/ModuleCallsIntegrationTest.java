package io.sagesync.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.domain.BindingState;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.magento.MagentoOutbox;
import io.sagesync.simulator.magento.ModuleLedgerCalls;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The module's three calls besides webhooks, made as the module makes them ({@link ModuleLedgerCalls}: its own JCE
 * signer, headers and body), against the whole local pipeline. Ordered: it follows one merchant's day, a sync, a
 * failure seen on the tile, then Disconnect.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModuleCallsIntegrationTest {
    private static LocalPipeline pipeline;
    private static ModuleLedgerCalls module;

    @BeforeAll
    static void start() throws Exception {
        LocalSettings d = LocalSettings.fromEnv(Map.of());
        pipeline = LocalPipeline.start(new LocalSettings(LocalModeIntegrationTest.freePort(), d.tenantId(),
                d.apiKey(), null, null, null, null, null, null, null, null, false), Clock.systemUTC());
        module = new ModuleLedgerCalls(pipeline.apiUrl(), d.tenantId(), d.apiKey(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    @Test
    @Order(1)
    void tileHealth_beforeAnyRun_answers200WithExactlyTheFieldsTheModuleReads() {
        ModuleLedgerCalls.Reply reply = module.tileHealth();

        assertThat(reply.status()).isEqualTo(200);
        JsonNode h = reply.json();
        assertThat(fieldNames(h)).containsExactly("tenant", "binding", "sync");
        assertThat(fieldNames(h.get("tenant"))).containsExactly("magento_connection_status");
        assertThat(fieldNames(h.get("binding"))).containsExactly("status", "region");
        assertThat(fieldNames(h.get("sync"))).containsExactly("pending_count", "failed_24h", "last_run_at");
        assertThat(h.at("/sync/pending_count").asInt()).isZero();
        assertThat(h.at("/sync/last_run_at").isNull()).isTrue();
        assertThat(ModuleLedgerCalls.tileText(reply)).isEqualTo("Connected to Sage (UK)");
    }

    @Test
    @Order(2)
    void aSyncedInvoice_showsOnTheTileAndInTheStatusLookup() {
        assertThat(FirstSyncDemo.run(pipeline, 42, Duration.ofSeconds(90)).synced()).isTrue();

        JsonNode h = module.tileHealth().json();
        assertThat(h.at("/sync/pending_count").asInt()).isZero();
        assertThat(h.at("/sync/failed_24h").asInt()).isZero();
        assertThat(h.at("/sync/last_run_at").asText()).isNotBlank();

        ModuleLedgerCalls.Reply status = module.status("invoice", 42);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("status").asText()).isEqualTo("synced");
        assertThat(status.json().get("runs")).singleElement().satisfies(run -> {
            assertThat(run.get("event").asText()).isEqualTo("invoice.created");
            assertThat(run.get("provider_entity_id").asText()).isNotBlank();
        });
        assertThat(module.status("invoice", 4242).json().get("status").asText()).isEqualTo("none");
        assertThat(module.status("order", 42).status()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void theModuleSequence_tileAfterAFailure_thenDisconnect() {
        // a failure the module cannot fix by itself: Magento answers 404 to the worker's fetch
        pipeline.magento.putInvoice(77, CanonicalInvoices.gbpRegistered(77));
        pipeline.magento.failNextGets("invoice", 1, 404);
        var outbox = new MagentoOutbox(pipeline.magento);
        outbox.raise("invoice.created", 77, 1, 1, Map.of("increment_id", "000000077", "paid", true));
        assertThat(outbox.drain(pipeline.apiUrl()).get(0).lastStatusCode()).isEqualTo(202);
        await(() -> module.tileHealth().json().at("/sync/failed_24h").asInt() == 1);

        ModuleLedgerCalls.Reply tile = module.tileHealth();
        assertThat(tile.status()).isEqualTo(200);
        assertThat(ModuleLedgerCalls.tileColour(tile)).isEqualTo("red");
        assertThat(tile.json().at("/sync/pending_count").asInt()).isZero();
        assertThat(module.status("invoice", 77).json().get("status").asText()).isEqualTo("failed");

        ModuleLedgerCalls.Reply first = module.disconnect();
        ModuleLedgerCalls.Reply again = module.disconnect();

        assertThat(first.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(first.status());
        var binding = new DynamoDbBindingStore(pipeline.aws.adminClients().dynamoDb(), pipeline.config.tableName(),
                Clock.systemUTC()).state();
        assertThat(binding.magentoConnection()).isEqualTo(BindingState.DISCONNECTED);
        assertThat(binding.sageConnection()).isEqualTo(BindingState.NOT_CONNECTED);
        assertThat(ModuleLedgerCalls.tileText(module.tileHealth())).isEqualTo("re-pair required");
    }

    @Test
    @Order(4)
    void afterDisconnect_noOutcomeIsPushedToMagento() {
        int callsBefore = pipeline.magento.syncStateCalls().size();
        pipeline.magento.putInvoice(78, CanonicalInvoices.gbpRegistered(78));
        var outbox = new MagentoOutbox(pipeline.magento);
        outbox.raise("invoice.created", 78, 1, 1, Map.of("increment_id", "000000078", "paid", true));
        outbox.drain(pipeline.apiUrl());

        await(() -> module.status("invoice", 78).json().path("runs").path(0).path("status").asText()
                .matches("succeeded|failed|skipped"));
        // the push function ran for it (or will): give it a moment, then Magento must have seen nothing new
        sleep(2000);
        assertThat(pipeline.magento.syncStateCalls()).hasSize(callsBefore);
    }

    @Test
    @Order(5)
    void aTokenSignedWithAnotherKey_is401_andShowsNothing() {
        var stranger = new ModuleLedgerCalls(pipeline.apiUrl(), LocalSettings.DEFAULT_TENANT, "not-the-key",
                Clock.systemUTC());
        assertThat(stranger.tileHealth().status()).isEqualTo(401);
        assertThat(stranger.tileHealth().body()).doesNotContain("sync");
        assertThat(stranger.status("invoice", 42).status()).isEqualTo(401);
        assertThat(stranger.disconnect().status()).isEqualTo(401);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 90 s").isLessThan(deadline);
            sleep(100);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
