package io.sagesync.local;

import io.sagesync.testkit.AwsBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code make local}: the whole pipeline on this machine (see {@link LocalPipeline}), ready when it prints
 * {@code sagesync local ready on http://127.0.0.1:PORT}; then, unless {@code SAGESYNC_DEMO=0}, the timed first-sync
 * walkthrough; then it keeps serving until Ctrl-C / SIGTERM, when it stops everything it started (moto or the
 * LocalStack container included) and removes {@code .sagesync-local.json}. {@code make local AWS=localstack}
 * (system property {@code sagesync.aws}) runs it on LocalStack in Docker instead of ElasticMQ + moto.
 */
public final class LocalMain {
    static final Path MANIFEST = Path.of(".sagesync-local.json");

    private LocalMain() {
    }

    public static void main(String[] args) throws Exception {
        LocalLogging.useConsole();
        LocalSettings settings = LocalSettings.fromEnv(System.getenv());
        System.out.println("sagesync local: tenant " + settings.tenantId() + ", api_key "
                + (settings.apiKey().equals(LocalSettings.DEFAULT_API_KEY) ? settings.apiKey() + " (default)"
                : "from SAGESYNC_API_KEY") + "; Magento " + (settings.simulatedMagento() ? "simulator"
                : settings.magentoBaseUrl()) + ", Sage " + (settings.simulatedSage() ? "simulator"
                : settings.sageBaseUrl()) + "; AWS " + AwsBackend.selected().description());
        LocalPipeline pipeline = LocalPipeline.start(settings, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("sagesync local: stopping");
            pipeline.close();
            try {
                Files.deleteIfExists(MANIFEST);
            } catch (java.io.IOException ignored) {
                // best effort: the file is git-ignored
            }
            stopped.countDown();
        }, "sagesync-local-shutdown"));

        LocalManifest.write(MANIFEST, pipeline.apiUrl(), pipeline.aws.dynamoDbEndpoint().toString(),
                pipeline.aws.sqsEndpoint().toString(), pipeline.aws.secretsManagerEndpoint().toString(),
                pipeline.magento == null ? settings.magentoBaseUrl() : pipeline.magento.baseUrl(),
                pipeline.sage == null ? settings.sageBaseUrl() : pipeline.sage.baseUrl(), settings.tenantId(),
                pipeline.config.tableName(), pipeline.aws.queueUrls());
        System.out.println("sagesync local ready on " + pipeline.apiUrl());
        System.out.println("Console: " + pipeline.apiUrl() + "/dashboard (password: "
                + (System.getenv("SAGESYNC_CONSOLE_PASSWORD") == null ? LocalSettings.DEFAULT_CONSOLE_PASSWORD
                : "from SAGESYNC_CONSOLE_PASSWORD") + ")");

        if (settings.demo() && pipeline.magento != null && pipeline.sage != null) {
            FirstSyncDemo.print(FirstSyncDemo.run(pipeline, 42, Duration.ofSeconds(60)), 42,
                    "first sync (cold JVM: the first request loads most classes)");
            // the same story once everything is loaded and the contact exists: what a merchant sees day to day
            FirstSyncDemo.print(FirstSyncDemo.run(pipeline, 43, Duration.ofSeconds(60)), 43,
                    "next invoice, same customer (warm; contact already in Sage)");
            RefundDemo.print(RefundDemo.run(pipeline, 17, 42, Duration.ofSeconds(60)), 17);
            CatalogDemo.print(CatalogDemo.run(pipeline, 301, 44, Duration.ofSeconds(60)));
        }
        System.out.println("Serving. Send your own signed webhook (README, \"Try it\"):");
        System.out.println("  TOKEN=$(scripts/sign-webhook.sh) && curl -i -X POST " + pipeline.apiUrl()
                + "/webhooks/magento/" + settings.tenantId() + "/invoice.created -H \"Authorization: Bearer $TOKEN\""
                + " -H 'Content-Type: application/json' -H 'Idempotency-Key: invoice.created:1001'"
                + " -d '{\"magento_entity_id\":1001,\"website_id\":1,\"store_id\":1,\"payload\":{}}'");
        System.out.println("Ctrl-C to stop.");
        stopped.await();
    }
}
