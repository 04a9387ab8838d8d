package io.sagesync.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.sage.oauth.SageAppCredentials;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;
import io.sagesync.retry.Sleeper;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin {@code replay} action on moto + ElasticMQ: count first, then replay once, then nothing left. */
@ExtendWith(LocalAwsExtension.class)
class AdminReplayIntegrationTest {
    private static final String TENANT = "tenant-admin-replay";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void dryRunCounts_replayEnqueuesOnce_andASecondReplayFindsNothing(LocalAws aws) throws Exception {
        aws.reset();
        Clock clock = Clock.systemUTC();
        AdminConfig config = new AdminConfig(TENANT, aws.tableName(), "TenantSecret", "SageSecret", "",
                "http://127.0.0.1:9/v3.1", "http://127.0.0.1:9/token", "http://127.0.0.1:9/revoke",
                "http://127.0.0.1:9/authorize", "https://example.test/cb", "https://ledger.example.test",
                aws.queueUrl("SyncQueue")).withKmsKeyId(aws.kmsKeyId());
        AdminHandler actions = new AdminHandler(AdminComposition.of(config, aws.clients(),
                HttpClient.newHttpClient(), clock, new Random(3), Sleeper.threadSleep(),
                () -> UUID.randomUUID().toString(), () -> new SageAppCredentials("id", "secret")));
        DynamoDbSyncRunStore runs = new DynamoDbSyncRunStore(aws.adminClients().dynamoDb(), aws.tableName(), clock);
        Instant at = Instant.now();
        runs.createIfAbsent(SyncRun.accepted(new SyncRun.Subject("run-17", TENANT, EventName.CREDITMEMO_CREATED, 17,
                "creditmemo.created:17"), at));
        runs.finish("run-17", RunOutcome.skipped("event_not_supported", at, at));

        JsonNode count = actions.handle(request(true));
        JsonNode replayed = actions.handle(request(false));
        JsonNode again = actions.handle(request(false));
        JsonNode wrong = actions.handle(JSON.createObjectNode().put("action", "replay").put("status", "queued"));

        assertThat(count.path("ok").asBoolean()).as(count.toString()).isTrue();
        assertThat(count.path("replayable").asInt()).isEqualTo(1);
        assertThat(count.path("replayed").asInt()).isZero();
        assertThat(replayed.path("replayed").asInt()).as(replayed.toString()).isEqualTo(1);
        assertThat(again.path("replayed").asInt()).isZero();
        assertThat(again.path("matched").asInt()).isZero();
        assertThat(wrong.path("ok").asBoolean()).isFalse();
        assertThat(wrong.path("action").asText()).isEqualTo("replay");
        assertThat(wrong.path("error").asText()).isEqualTo("invalid_filter");
        assertThat(runs.find("run-17-replay").orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
        assertThat(aws.adminClients().sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl("SyncQueue"))
                .maxNumberOfMessages(10)).messages()).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("run-17-replay"));
    }

    private static ObjectNode request(boolean dryRun) {
        ObjectNode r = JSON.createObjectNode().put("action", "replay").put("dry_run", dryRun);
        r.putArray("events").add("creditmemo.created");
        return r;
    }
}
