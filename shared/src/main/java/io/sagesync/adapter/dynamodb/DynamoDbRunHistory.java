package io.sagesync.adapter.dynamodb;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunRecord;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.RunHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Runs read back for the console and the module's status lookup.
 *
 * <ul>
 *   <li>by time: the sparse index {@code runs_by_created} (hash {@code tenant_id}, range {@code created_at}); only
 *   run items carry {@code tenant_id}, so the index holds nothing else. One Query per page.</li>
 *   <li>by entity: the module's Idempotency-Keys are {@code <event>:<entity id>}, so the runs of invoice 42 are the
 *   runs the keys {@code invoice.created:42} and {@code invoice.paid:42} point at: two BatchGets, no index.</li>
 * </ul>
 */
public final class DynamoDbRunHistory implements RunHistory {
    public static final String BY_CREATED_INDEX = "runs_by_created";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final String tenantId;

    public DynamoDbRunHistory(DynamoDbClient dynamoDb, String tableName, String tenantId) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.tenantId = tenantId;
    }

    @Override
    public List<RunRecord> createdBetween(Instant from, Instant to, int limit) {
        List<RunRecord> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        try {
            // one page holds at most 1 MB: page on until the limit
            do {
                var response = dynamoDb.query(QueryRequest.builder().tableName(tableName).indexName(BY_CREATED_INDEX)
                        .keyConditionExpression("tenant_id = :t AND created_at BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenantId),
                                ":from", AttributeValue.fromS(from.toString()),
                                // created_at is ISO-8601 text; "to" itself is excluded below
                                ":to", AttributeValue.fromS(to.toString())))
                        .scanIndexForward(false).limit(limit + 1 - out.size()).exclusiveStartKey(start).build());
                response.items().stream().map(RunItems::record).filter(r -> r.run().createdAt().isBefore(to))
                        .limit(limit - out.size()).forEach(out::add);
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (start != null && out.size() < limit);
            return out;
        } catch (SdkException e) {
            throw new InfrastructureException("run history unavailable", e);
        }
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        try {
            var item = dynamoDb.getItem(GetItemRequest.builder().tableName(tableName)
                    .key(RunItems.runKey(runId)).consistentRead(true).build());
            return item.hasItem() && !item.item().isEmpty() ? Optional.of(RunItems.record(item.item()))
                    : Optional.empty();
        } catch (SdkException e) {
            throw new InfrastructureException("run history unavailable", e);
        }
    }

    @Override
    public List<RunRecord> forEntity(EntityType type, long magentoEntityId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (EventName event : EventName.values()) {
            if (event.entityType() == type) {
                keys.add(Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.IDEMPOTENCY_PREFIX + event.wireName()
                        + ":" + magentoEntityId), TableKeys.SK, AttributeValue.fromS(TableKeys.IDEMPOTENCY_SK)));
            }
        }
        List<Map<String, AttributeValue>> runKeys = batchGet(keys).stream()
                .filter(item -> item.containsKey("run_id"))
                .map(item -> RunItems.runKey(item.get("run_id").s())).toList();
        return batchGet(runKeys).stream().map(RunItems::record)
                .sorted(Comparator.comparing((RunRecord r) -> r.run().createdAt()).reversed()).toList();
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        try {
            var response = dynamoDb.batchGetItem(BatchGetItemRequest.builder().requestItems(Map.of(tableName,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build())).build());
            // a handful of small items never comes back partially (that needs 16 MB or throttling); if it
            // ever does, the caller shows fewer runs rather than failing
            return response.responses().getOrDefault(tableName, List.of());
        } catch (SdkException e) {
            throw new InfrastructureException("run history unavailable", e);
        }
    }
}
