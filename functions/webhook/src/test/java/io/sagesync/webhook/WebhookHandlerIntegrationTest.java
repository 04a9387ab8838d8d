package io.sagesync.webhook;

import static io.sagesync.webhook.WebhookEvents.TENANT;
import static io.sagesync.webhook.WebhookEvents.body;
import static io.sagesync.webhook.WebhookEvents.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.adapter.sqs.SyncJobJson;
import io.sagesync.domain.SyncJob;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** The webhook function end to end on ElasticMQ + moto, wired exactly as in Lambda except for the endpoints. */
@ExtendWith(LocalAwsExtension.class)
class WebhookHandlerIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalAws aws;
    private final WebhookHandler handler;

    WebhookHandlerIntegrationTest(LocalAws aws) {
        this.aws = aws;
        this.handler = new WebhookHandler(WebhookComposition.of(aws.config(TENANT), aws.clients(),
                Clock.systemUTC()).acceptWebhook());
    }

    @BeforeEach
    void cleanSlate() {
        aws.reset();
        aws.putTenantApiKey(WebhookEvents.API_KEY);
    }

    @Test
    void signedWebhook_gets202WithARunId_andExactlyOneJobForThatRun() throws Exception {
        var response = handler.handleRequest(signed("invoice.created", body(42), "invoice.created:42", now()), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        String runId = JSON.readTree(response.getBody()).get("sync_run_id").asText();
        assertThat(runItem(runId)).containsEntry("status", AttributeValue.fromS("queued"))
                .containsEntry("enqueued", AttributeValue.fromBool(true));
        List<SyncJob> jobs = drainSyncQueue();
        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.runId()).isEqualTo(runId);
            assertThat(job.magentoEntityId()).isEqualTo(42);
        });
    }

    @Test
    void duplicateKey_withAFreshToken_getsTheSameRunId_andStillOneJob() throws Exception {
        var first = handler.handleRequest(signed("invoice.created", body(43), "invoice.created:43", now()), null);
        var second = handler.handleRequest(signed("invoice.created", body(43), "invoice.created:43", now()), null);

        assertThat(second.getStatusCode()).isBetween(200, 299);
        assertThat(runId(second)).isEqualTo(runId(first));
        assertThat(drainSyncQueue()).hasSize(1);
    }

    @Test
    void sqsFailure_answers503_andTheRetryCompletesTheEnqueue() throws Exception {
        aws.faults().failNext("SendMessage", 1);

        var failed = handler.handleRequest(signed("invoice.created", body(44), "invoice.created:44", now()), null);
        assertThat(failed.getStatusCode()).isEqualTo(503);
        assertThat(drainSyncQueue()).isEmpty();

        var retry = handler.handleRequest(signed("invoice.created", body(44), "invoice.created:44", now()), null);
        assertThat(retry.getStatusCode()).isEqualTo(202);
        assertThat(drainSyncQueue()).singleElement().extracting(SyncJob::runId).isEqualTo(runId(retry));
        assertThat(runItem(runId(retry))).containsEntry("enqueued", AttributeValue.fromBool(true));
    }

    @Test
    void failedRun_reFired_isQueuedAgain() throws Exception {
        var first = handler.handleRequest(signed("invoice.created", body(45), "invoice.created:45", now()), null);
        String runId = runId(first);
        drainSyncQueue();
        aws.adminClients().dynamoDb().updateItem(b -> b.tableName(aws.tableName())
                .key(Map.of("pk", AttributeValue.fromS("RUN#" + runId), "sk", AttributeValue.fromS("RUN")))
                .updateExpression("SET #s = :f, error_class = :e")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":f", AttributeValue.fromS("failed"),
                        ":e", AttributeValue.fromS("provider"))));

        var refire = handler.handleRequest(signed("invoice.created", body(45), "invoice.created:45", now()), null);

        assertThat(refire.getStatusCode()).isEqualTo(202);
        assertThat(runId(refire)).isEqualTo(runId);
        assertThat(runItem(runId)).containsEntry("status", AttributeValue.fromS("queued"))
                .containsEntry("enqueue_count", AttributeValue.fromN("2"))
                .doesNotContainKey("error_class");
        assertThat(drainSyncQueue()).singleElement().extracting(SyncJob::enqueueCount).isEqualTo(2);
    }

    @Test
    void storeOrSecretOutage_answers503_neverA4xx() {
        // the tile's gauge (a failure there is logged, never fails the request), then the enqueued mark after the send
        aws.faults().failNext("UpdateItem", 2);
        assertThat(handler.handleRequest(signed("invoice.created", body(46), "k46", now()), null).getStatusCode())
                .isEqualTo(503);

        aws.faults().failNext("PutItem", 1); // the jti replay record
        assertThat(handler.handleRequest(signed("invoice.created", body(46), "k46", now()), null).getStatusCode())
                .isEqualTo(503);

        var freshHandler = new WebhookHandler(WebhookComposition.of(aws.config(TENANT), aws.clients(),
                Clock.systemUTC()).acceptWebhook());
        aws.faults().failNext("GetSecretValue", 1);
        assertThat(freshHandler.handleRequest(signed("invoice.created", body(46), "k46", now()), null)
                .getStatusCode()).isEqualTo(503);

        assertThat(handler.handleRequest(signed("invoice.created", body(46), "k46", now()), null).getStatusCode())
                .isEqualTo(202);
    }

    @Test
    void aKeyWhoseRunItemIsGone_isRepairedByTheNextDelivery_sameRunId_runRecreated_jobEnqueued() throws Exception {
        var first = handler.handleRequest(signed("invoice.created", body(50), "invoice.created:50", now()), null);
        String runId = runId(first);
        drainSyncQueue();
        // what moto's cancelled-transaction snapshot restore (or a crash between the two writes) leaves behind
        aws.adminClients().dynamoDb().deleteItem(b -> b.tableName(aws.tableName())
                .key(Map.of("pk", AttributeValue.fromS("RUN#" + runId), "sk", AttributeValue.fromS("RUN"))));

        var retry = handler.handleRequest(signed("invoice.created", body(50), "invoice.created:50", now()), null);

        assertThat(retry.getStatusCode()).isEqualTo(202);
        assertThat(runId(retry)).isEqualTo(runId);
        assertThat(runItem(runId)).containsEntry("status", AttributeValue.fromS("queued"))
                .containsEntry("magento_entity_id", AttributeValue.fromN("50"))
                .containsEntry("enqueued", AttributeValue.fromBool(true));
        assertThat(drainSyncQueue()).singleElement().satisfies(job -> {
            assertThat(job.runId()).isEqualTo(runId);
            assertThat(job.idempotencyKey()).isEqualTo("invoice.created:50");
            assertThat(job.enqueueCount()).isEqualTo(2);
        });
    }

    @Test
    void threeConcurrentDeliveriesOfEachKey_allAnswer2xxWithOneRunIdPerKey_andOneJobPerKey() throws Exception {
        int keys = 15;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
            for (int copy = 0; copy < 3; copy++) {
                for (int k = 0; k < keys; k++) {
                    long id = 600 + k;
                    answers.add(pool.submit(() -> handler.handleRequest(
                            signed("invoice.created", body(id), "invoice.created:" + id, now()), null)));
                }
            }
            Map<Long, java.util.Set<String>> runIdsByInvoice = new java.util.TreeMap<>();
            for (int i = 0; i < answers.size(); i++) {
                var response = answers.get(i).get();
                assertThat(response.getStatusCode()).as(response.getBody()).isBetween(200, 299);
                runIdsByInvoice.computeIfAbsent(600L + i % keys, x -> new java.util.HashSet<>()).add(runId(response));
            }
            assertThat(runIdsByInvoice).hasSize(keys).allSatisfy((id, ids) -> assertThat(ids).hasSize(1));
            assertThat(drainSyncQueue()).extracting(SyncJob::runId).doesNotHaveDuplicates().hasSize(keys);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rePairing_rotatesTheKeyInTheSecret_andTheNextWebhookSignedWithIt_is202_notA401ForFiveMinutes() {
        assertThat(handler.handleRequest(signed("invoice.created", body(80), "invoice.created:80", now()), null)
                .getStatusCode()).isEqualTo(202); // the old key is now cached in this environment
        String newKey = "re-paired-key-for-the-integration-test-0123456789";
        aws.putTenantApiKey(newKey);
        var event = signed("invoice.created", body(81), "invoice.created:81", now());
        event.getHeaders().put("authorization", "Bearer " + io.sagesync.simulator.magento.MagentoJwt.signOutbound(
                newKey, TENANT, now(), java.util.UUID.randomUUID().toString()));

        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(202);
    }

    @Test
    void replayedToken_isRejectedWith401() {
        var event = signed("invoice.created", body(47), "invoice.created:47", now());
        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(202);

        var replay = handler.handleRequest(event, null);

        assertThat(replay.getStatusCode()).isEqualTo(401);
        assertThat(replay.getBody()).isEqualTo("{\"error\":\"invalid_token\"}");
    }

    @Test
    void unknownEvent_isAcknowledgedAsIgnored() {
        var response = handler.handleRequest(signed("order.shipped", body(48), "order.shipped:48", now()), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getBody()).isEqualTo("{\"status\":\"ignored\"}");
        assertThat(drainSyncQueue()).isEmpty();
    }

    private static Instant now() {
        return Instant.now();
    }

    private static String runId(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody()).get("sync_run_id").asText();
    }

    private Map<String, AttributeValue> runItem(String runId) {
        return aws.adminClients().dynamoDb().getItem(b -> b.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("RUN#" + runId), "sk", AttributeValue.fromS("RUN"))))
                .item();
    }

    private List<SyncJob> drainSyncQueue() {
        List<SyncJob> jobs = new ArrayList<>();
        String url = aws.queueUrl("SyncQueue");
        while (true) {
            List<Message> batch = aws.adminClients().sqs().receiveMessage(b -> b.queueUrl(url)
                    .maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) {
                return jobs;
            }
            for (Message m : batch) {
                jobs.add(SyncJobJson.read(m.body()));
                aws.adminClients().sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }
}
