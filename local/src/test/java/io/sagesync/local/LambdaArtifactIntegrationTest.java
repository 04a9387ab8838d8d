package io.sagesync.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each trimmed function zip still starts and handles its event: the webhook, sync and push functions run in fresh
 * JVMs on nothing but their Lambda layout (classes + target/lambda/lib, what `make build-<Function>` zips), built
 * from the environment by their no-arg constructors, against the emulators and simulators; one invoice goes through
 * all three (webhook 202 → the queued job synced to Sage → the push delivered to Magento). A jar excluded from a
 * function's packaging that it still needs fails here.
 */
class LambdaArtifactIntegrationTest {

    @Test
    void webhookSyncAndPush_startAndHandleAnEvent_onTheirOwnLambdaClasspath() throws Exception {
        Path root = ColdStartBenchmark.repositoryRoot();
        for (String module : new String[] {"webhook", "sync", "sync-state-push"}) {
            assertThat(root.resolve("functions/" + module + "/target/lambda/lib")).as(module + " packaged")
                    .isDirectory();
        }
        LocalSettings d = LocalSettings.fromEnv(Map.of());
        LocalSettings settings = new LocalSettings(LocalModeIntegrationTest.freePort(), d.tenantId(), d.apiKey(),
                null, null, null, null, null, null, null, null, false);
        try (LocalPipeline p = LocalPipeline.start(settings, Clock.systemUTC(),
                LocalPipeline.Tuning.DEFAULTS.withoutWorkers())) {
            long invoiceId = 880_001;
            p.magento.putInvoice(invoiceId, io.sagesync.simulator.magento.CanonicalInvoices.gbpRegistered(invoiceId));

            Map<String, Long> webhook = ColdStartBenchmark.probe(p, "webhook", false, 1, 512,
                    ColdStartBenchmark.tokens(p, 1), invoiceId);
            Map<String, Long> sync = ColdStartBenchmark.probe(p, "sync", true, 1, 512,
                    ColdStartBenchmark.drain(p, p.config.syncQueueUrl(), 1), invoiceId);
            Map<String, Long> push = ColdStartBenchmark.probe(p, "push", true, 1, 512,
                    ColdStartBenchmark.drain(p, p.config.pushQueueUrl(), 1), invoiceId);

            assertThat(webhook).containsEntry("events", 1L);
            assertThat(sync).containsEntry("events", 1L);
            assertThat(push).containsEntry("events", 1L);
            assertThat(p.sage.invoices()).hasSize(1);
            assertThat(p.magento.syncState("invoice", invoiceId)).hasValueSatisfying(row ->
                    assertThat(row.syncStatus()).isEqualTo("synced"));
        }
    }
}
