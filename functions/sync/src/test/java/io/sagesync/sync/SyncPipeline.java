package io.sagesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.adapter.sqs.SqsSyncQueue;
import io.sagesync.application.SyncWorkerSettings;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.domain.EventName;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.retry.DelaySchedule;
import io.sagesync.retry.InProcessRetry;
import io.sagesync.simulator.magento.MagentoSimulator;
import io.sagesync.simulator.sage.SageSimulator;
import io.sagesync.testkit.LocalAws;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The sync function wired as in Lambda against ElasticMQ + moto and fresh Magento and Sage simulators, with zero
 * retry delays so backoff paths run in milliseconds, plus the queue plumbing the integration tests share: queue a
 * run, drive the handler the way the event-source mapping does, read what it enqueued.
 */
final class SyncPipeline implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final LocalAws aws;
    final String tenant;
    final MagentoSimulator magento;
    final SageSimulator sage;
    final SyncHandler handler;
    final DynamoDbSyncRunStore runs;

    SyncPipeline(LocalAws aws, String tenant, String apiKey, int maxAttempts) {
        this.aws = aws;
        this.tenant = tenant;
        aws.reset();
        aws.putTenantApiKey(apiKey);
        magento = MagentoSimulator.builder().tenantId(tenant).apiKey(apiKey).start();
        sage = SageSimulator.start();
        // Sage access tokens live 5 minutes and long runs (the storm) outlast one: a fresh one every 4 minutes
        java.util.function.Supplier<String> token = new java.util.function.Supplier<>() {
            private String current;
            private Instant issuedAt = Instant.EPOCH;

            @Override
            public synchronized String get() {
                if (issuedAt.plus(Duration.ofMinutes(4)).isBefore(Instant.now())) {
                    current = sage.issueTokens().accessToken();
                    issuedAt = Instant.now();
                }
                return current;
            }
        };
        SagesyncConfig base = aws.config(tenant);
        SagesyncConfig config = new SagesyncConfig(tenant, base.tableName(), base.syncQueueUrl(), base.syncDlqUrl(),
                base.retryQueueUrl(), base.pushQueueUrl(), base.tenantSecretId(), base.sageSecretId(),
                base.keyCacheTtl(), base.jwtLeeway(), magento.baseUrl(), sage.baseUrl());
        SyncWorkerSettings worker = new SyncWorkerSettings(new DelaySchedule(maxAttempts, List.of(Duration.ZERO)),
                Duration.ofDays(6),
                Duration.ofMinutes(15));
        InProcessRetry fast = new InProcessRetry(Duration.ofMillis(1), Duration.ofMillis(5), 4, Duration.ZERO,
                Duration.ofSeconds(1));
        handler = new SyncHandler(SyncComposition.of(config, aws.clients(), Clock.systemUTC(),
                new SageSettings(sage.baseUrl(), SageSimulator.LEAD_BUSINESS_ID, token), worker, fast)
                );
        runs = new DynamoDbSyncRunStore(aws.adminClients().dynamoDb(), aws.tableName(), Clock.systemUTC());
    }

    /** Writes a queued run and its job, as the webhook does; returns the run id. */
    String queueRun(EventName event, long entityId) {
        return queueRun(event, entityId, event.wireName() + ":" + entityId);
    }

    String queueRun(EventName event, long entityId, String idempotencyKey) {
        String runId = "run-" + entityId + "-" + event.wireName() + "-" + System.nanoTime();
        Instant now = Instant.now();
        runs.createIfAbsent(SyncRun.accepted(new SyncRun.Subject(runId, tenant, event, entityId, idempotencyKey), now));
        new SqsSyncQueue(aws.adminClients().sqs(), aws.queueUrl("SyncQueue"))
                .enqueue(new SyncJob(runId, tenant, event, entityId, 1, 1, 1));
        return runId;
    }

    /** Feeds the sync and retry queues to the handler until both are empty. */
    void drainAll() {
        for (int round = 0; round < 30; round++) {
            boolean syncWork = processOnce("SyncQueue");
            boolean retryWork = processOnce("RetryQueue");
            if (!syncWork && !retryWork) {
                return;
            }
        }
        throw new AssertionError("queues did not drain");
    }

    /**
     * One handler invocation over everything visible in {@code queue}, as the event-source mapping would do it:
     * deletes what the handler finished and makes the reported failures visible again at once.
     *
     * @return false when the queue was empty
     */
    boolean processOnce(String queue) {
        List<Message> messages = receiveAll(queue);
        if (messages.isEmpty()) {
            return false;
        }
        SQSBatchResponse response = handler.handleRequest(event(messages, arn(queue)), null);
        Set<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        for (Message m : messages) {
            if (failed.contains(m.messageId())) {
                aws.adminClients().sqs().changeMessageVisibility(b -> b.queueUrl(aws.queueUrl(queue))
                        .receiptHandle(m.receiptHandle()).visibilityTimeout(0));
            } else {
                aws.adminClients().sqs().deleteMessage(b -> b.queueUrl(aws.queueUrl(queue))
                        .receiptHandle(m.receiptHandle()));
            }
        }
        return true;
    }

    /** Everything currently visible in {@code queue} (kept invisible for 30 s). */
    List<Message> receiveAll(String queue) {
        List<Message> all = new ArrayList<>();
        while (true) {
            var batch = aws.adminClients().sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl(queue))
                    .maxNumberOfMessages(10).waitTimeSeconds(0).visibilityTimeout(30)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
    }

    /** The sync_status of every push job enqueued so far. */
    List<String> pushStatuses() {
        return receiveAll("PushQueue").stream().map(m -> {
            try {
                return JSON.readTree(m.body()).path("update").path("sync_status").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    static SQSEvent event(List<Message> messages, String arn) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> {
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.messageId());
            r.setBody(m.body());
            r.setEventSourceArn(arn);
            return r;
        }).toList());
        return event;
    }

    String arn(String queue) {
        return aws.adminClients().sqs().getQueueAttributes(b -> b.queueUrl(aws.queueUrl(queue))
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    Map<String, AttributeValue> item(String pk, String sk) {
        return aws.adminClients().dynamoDb().getItem(b -> b.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }

    void savePolicy(String json) {
        new DynamoDbBindingStore(aws.adminClients().dynamoDb(), aws.tableName(), Clock.systemUTC())
                .savePolicy(new SyncPolicyJson().parse(json));
    }

    /** Every body we sent validated against Sage's spec, and every token passed Magento's checks. */
    void assertClean() {
        assertThat(sage.validationFailures()).isEmpty();
        assertThat(magento.rejections()).isEmpty();
    }

    @Override
    public void close() {
        magento.close();
        sage.close();
    }
}
