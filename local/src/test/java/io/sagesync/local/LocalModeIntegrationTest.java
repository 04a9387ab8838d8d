package io.sagesync.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.simulator.magento.MagentoJwt;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** make local's pipeline in-process: the first sync completes, and the API behaves like the deployed one. */
class LocalModeIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalPipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        LocalSettings defaults = LocalSettings.fromEnv(Map.of());
        LocalSettings settings = new LocalSettings(freePort(), defaults.tenantId(), defaults.apiKey(), null, null,
                null, null, null, null, null, null, false);
        pipeline = LocalPipeline.start(settings, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    @Test
    void firstSync_reachesSyncedInMagento_withEveryStepTimed() {
        FirstSyncDemo.Timeline timeline = FirstSyncDemo.run(pipeline, 42, Duration.ofSeconds(60));

        assertThat(timeline.synced()).as("chip %s", timeline.chip()).isTrue();
        assertThat(timeline.steps()).extracting(FirstSyncDemo.Step::name).anySatisfy(n -> assertThat(n)
                        .contains("HTTP 202"))
                .anySatisfy(n -> assertThat(n).contains("fetched the canonical invoice"))
                .anySatisfy(n -> assertThat(n).contains("contact resolved"))
                .anySatisfy(n -> assertThat(n).contains("Sage POST /sales_invoices -> 201"))
                .anySatisfy(n -> assertThat(n).contains("cross-reference stored"))
                .anySatisfy(n -> assertThat(n).contains("chip = synced"));
        assertThat(timeline.steps()).extracting(FirstSyncDemo.Step::atMillis).isSorted();
        assertThat(timeline.totalMillis()).isPositive();
        assertThat(pipeline.sage.invoices()).hasSize(1);
        assertThat(pipeline.sage.validationFailures()).isEmpty();
        assertThat(pipeline.magento.rejections()).isEmpty();
    }

    @Test
    void signedHttpWebhook_gets202_andARepeatGetsTheSameRunId() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"magento_entity_id\":5001,\"website_id\":1,\"store_id\":1,\"payload\":{}}";

        HttpResponse<String> first = http.send(post(body, "invoice.created:5001"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> again = http.send(post(body, "invoice.created:5001"), HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("sync_run_id"))
                .isEqualTo(JSON.readTree(first.body()).get("sync_run_id"));
    }

    @Test
    void unsignedWebhook_is401_andUnknownRoutesAre404() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var unsigned = HttpRequest.newBuilder(URI.create(pipeline.apiUrl() + "/webhooks/magento/"
                        + pipeline.settings.tenantId() + "/invoice.created"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"magento_entity_id\":1}")).build();
        var elsewhere = HttpRequest.newBuilder(URI.create(pipeline.apiUrl() + "/nope")).GET().build();

        assertThat(http.send(unsigned, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(elsewhere, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void manifest_namesEveryLocalService() throws Exception {
        Path file = Files.createTempFile("sagesync-local", ".json");
        LocalManifest.write(file, pipeline.apiUrl(), pipeline.aws.dynamoDbEndpoint().toString(),
                pipeline.aws.sqsEndpoint().toString(), pipeline.aws.secretsManagerEndpoint().toString(),
                pipeline.magento.baseUrl(), pipeline.sage.baseUrl(), pipeline.settings.tenantId(),
                pipeline.config.tableName(), pipeline.aws.queueUrls());

        JsonNode manifest = JSON.readTree(Files.readString(file));
        assertThat(manifest.fieldNames()).toIterable()
                .contains("api", "dynamodb", "sqs", "secretsmanager", "magento", "sage", "table", "queues");
        assertThat(manifest.get("queues").fieldNames()).toIterable()
                .contains("SyncQueue", "SyncDeadLetterQueue", "RetryQueue", "PushQueue", "PushDeadLetterQueue");
    }

    private static HttpRequest post(String body, String key) {
        String token = MagentoJwt.signOutbound(pipeline.settings.apiKey(), pipeline.settings.tenantId(),
                Instant.now(), UUID.randomUUID().toString());
        return HttpRequest.newBuilder(URI.create(pipeline.apiUrl() + "/webhooks/magento/"
                        + pipeline.settings.tenantId() + "/invoice.created"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
