package io.sagesync.adapter.dynamodb;

import io.sagesync.domain.RunGauge;
import io.sagesync.domain.RunStatus;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.RunGauges;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The run gauges as one item, {@code STATS}/{@code RUNS}: an attribute {@code p_<run_id>} per pending run and
 * {@code f_<run_id>} per failed run (value: epoch seconds), plus {@code last_run_at}. Setting or removing a run's own
 * attribute is idempotent, so a transition recorded twice (SQS redelivery, a retried write) still counts once, which
 * an {@code ADD count 1} could not promise. Reading is one consistent GetItem.
 *
 * <p>Bound: an item holds at most 400 KB, about 7,000 pending plus failed runs; beyond that the update fails, the
 * caller logs it, and the runs themselves are unaffected. Failures older than 24 hours are pruned by
 * {@link #read} when they pile up.
 */
public final class DynamoDbRunGauges implements RunGauges {
    static final String STATS_PK = "STATS";
    static final String RUNS_SK = "RUNS";
    private static final String PENDING = "p_";
    private static final String FAILED = "f_";
    private static final Duration FAILED_WINDOW = Duration.ofHours(24);
    private static final int PRUNE_THRESHOLD = 50;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbRunGauges(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void queued(String runId, Instant at) {
        update("SET #p = :t REMOVE #f", Map.of("#p", PENDING + runId, "#f", FAILED + runId),
                Map.of(":t", epoch(at)));
    }

    @Override
    public void finished(String runId, RunStatus status, Instant at) {
        Map<String, AttributeValue> values = Map.of(":t", epoch(at), ":at", AttributeValue.fromS(at.toString()));
        if (status == RunStatus.FAILED) {
            update("SET last_run_at = :at, #f = :t REMOVE #p", Map.of("#p", PENDING + runId, "#f", FAILED + runId),
                    values);
        } else {
            update("SET last_run_at = :at REMOVE #p, #f", Map.of("#p", PENDING + runId, "#f", FAILED + runId),
                    Map.of(":at", values.get(":at")));
        }
    }

    @Override
    public RunGauge read(Instant now) {
        Map<String, AttributeValue> item = item();
        long since = now.minus(FAILED_WINDOW).getEpochSecond();
        int pending = 0;
        int failed = 0;
        Map<String, String> stale = new HashMap<>();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            if (e.getKey().startsWith(PENDING)) {
                pending++;
            } else if (e.getKey().startsWith(FAILED)) {
                if (Long.parseLong(e.getValue().n()) >= since) {
                    failed++;
                } else if (stale.size() < PRUNE_THRESHOLD * 2) {
                    stale.put("#s" + stale.size(), e.getKey());
                }
            }
        }
        AttributeValue last = item.get("last_run_at");
        if (stale.size() >= PRUNE_THRESHOLD) {
            prune(stale);
        }
        return new RunGauge(pending, failed, last == null ? null : Instant.parse(last.s()));
    }

    @Override
    public Contents contents() {
        Map<String, AttributeValue> item = item();
        Set<String> pending = new HashSet<>();
        Map<String, Instant> failed = new HashMap<>();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            if (e.getKey().startsWith(PENDING)) {
                pending.add(e.getKey().substring(PENDING.length()));
            } else if (e.getKey().startsWith(FAILED)) {
                failed.put(e.getKey().substring(FAILED.length()), Instant.ofEpochSecond(Long.parseLong(
                        e.getValue().n())));
            }
        }
        AttributeValue last = item.get("last_run_at");
        return new Contents(pending, failed, last == null ? null : Instant.parse(last.s()));
    }

    @Override
    public void forget(String runId) {
        update("REMOVE #p, #f", Map.of("#p", PENDING + runId, "#f", FAILED + runId), null);
    }

    @Override
    public void failedAt(String runId, Instant at) {
        update("SET #f = :t REMOVE #p", Map.of("#p", PENDING + runId, "#f", FAILED + runId),
                Map.of(":t", epoch(at)));
    }

    @Override
    public void lastRunAtLeast(Instant at) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName).key(key())
                    .updateExpression("SET last_run_at = :at")
                    // ISO-8601 instants of one format compare as text
                    .conditionExpression("attribute_not_exists(last_run_at) OR last_run_at < :at")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()))).build());
        } catch (ConditionalCheckFailedException later) {
            // a later run is recorded already
        } catch (SdkException e) {
            throw new InfrastructureException("run gauges unavailable", e);
        }
    }

    private Map<String, AttributeValue> item() {
        try {
            var response = dynamoDb.getItem(GetItemRequest.builder().tableName(tableName).key(key())
                    .consistentRead(true).build());
            return response.hasItem() ? response.item() : Map.of();
        } catch (SdkException e) {
            throw new InfrastructureException("run gauges unavailable", e);
        }
    }

    /** Old failures stay failed runs; they only stop counting. Best effort: a failed prune is retried next read. */
    private void prune(Map<String, String> stale) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName).key(key())
                    .updateExpression("REMOVE " + String.join(", ", stale.keySet()))
                    .expressionAttributeNames(stale).build());
        } catch (SdkException ignored) {
            // the next read tries again
        }
    }

    private void update(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName).key(key())
                    .updateExpression(expression).expressionAttributeNames(names)
                    .expressionAttributeValues(values == null || values.isEmpty() ? null : values).build());
        } catch (SdkException e) {
            throw new InfrastructureException("run gauges unavailable", e);
        }
    }

    private static Map<String, AttributeValue> key() {
        return Map.of(TableKeys.PK, AttributeValue.fromS(STATS_PK), TableKeys.SK, AttributeValue.fromS(RUNS_SK));
    }

    private static AttributeValue epoch(Instant at) {
        return AttributeValue.fromN(Long.toString(at.getEpochSecond()));
    }
}
