package io.sagesync.adapter.dynamodb;

import io.sagesync.domain.PushStatus;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.PushLog;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Push outcomes on the run item ({@code RUN#<id>}: {@code push_status}, {@code push_message}, {@code push_attempts},
 * {@code pushed_at}) and a delivered-watermark per Magento mirror row ({@code MIRROR#<type>#<id>#<provider>},
 * {@code last_sync_at_ms}), in the single table.
 */
public final class DynamoDbPushLog implements PushLog {
    static final String MIRROR_PREFIX = "MIRROR#";
    static final String MIRROR_SK = "MIRROR";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbPushLog(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean supersededByDelivered(SyncStateUpdate update) {
        try {
            var item = dynamoDb.getItem(GetItemRequest.builder().tableName(tableName)
                    .key(mirrorKey(update)).consistentRead(true).build());
            AttributeValue delivered = item.hasItem() ? item.item().get("last_sync_at_ms") : null;
            return delivered != null && Long.parseLong(delivered.n()) > update.lastSyncAt().toEpochMilli();
        } catch (SdkException e) {
            throw new InfrastructureException("push log unavailable", e);
        }
    }

    @Override
    public void record(String runId, SyncStateUpdate update, PushStatus status, String message, int attempts,
                       Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":st", RunItems.s(status.wireName()));
        values.put(":n", RunItems.n(attempts));
        values.put(":at", RunItems.s(at.toString()));
        StringBuilder set = new StringBuilder("SET push_status = :st, push_attempts = :n, push_updated_at = :at");
        if (status == PushStatus.DELIVERED) {
            set.append(", pushed_at = :at");
        }
        if (message != null) {
            values.put(":msg", RunItems.s(message));
            set.append(", push_message = :msg");
        } else {
            set.append(" REMOVE push_message");
        }
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(RunItems.runKey(runId))
                    .updateExpression(set.toString())
                    // never create a stray half-run item for an unknown id
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK))
                    .expressionAttributeValues(values)
                    .build());
        } catch (ConditionalCheckFailedException noSuchRun) {
            // a push job for a run this table does not hold (e.g. restored table): the push still counts
        } catch (SdkException e) {
            throw new InfrastructureException("push log unavailable", e);
        }
        if (status == PushStatus.DELIVERED) {
            advanceWatermark(update);
        }
    }

    private void advanceWatermark(SyncStateUpdate update) {
        long millis = update.lastSyncAt().toEpochMilli();
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(mirrorKey(update))
                    .updateExpression("SET last_sync_at_ms = :t")
                    .conditionExpression("attribute_not_exists(last_sync_at_ms) OR last_sync_at_ms < :t")
                    .expressionAttributeValues(Map.of(":t", RunItems.n(millis)))
                    .build());
        } catch (ConditionalCheckFailedException alreadyNewer) {
            // a newer push got there first; keep its watermark
        } catch (SdkException e) {
            throw new InfrastructureException("push log unavailable", e);
        }
    }

    static Map<String, AttributeValue> mirrorKey(SyncStateUpdate u) {
        return Map.of(TableKeys.PK, RunItems.s(MIRROR_PREFIX + u.entityType().wireName() + "#"
                        + u.magentoEntityId() + "#" + u.provider()),
                TableKeys.SK, RunItems.s(MIRROR_SK));
    }
}
