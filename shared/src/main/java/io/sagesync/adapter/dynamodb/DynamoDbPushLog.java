package io.sagesync.adapter.dynamodb;

import io.sagesync.domain.PushStatus;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.PushLog;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Push outcomes on the run item ({@code RUN#<id>}: {@code push_status}, {@code push_message}, {@code push_attempts},
 * {@code pushed_at}) and, per Magento mirror row ({@code MIRROR#<type>#<id>#<provider>}), a claim lease
 * ({@code holder}, {@code lease_until_ms}, {@code claimed_ms}) and the delivered watermark ({@code last_sync_at_ms}).
 * Claim and release are single conditional updates of that one item, so the ordering holds on DynamoDB as on the
 * emulators.
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
    public Claim claim(SyncStateUpdate update, String holder, Instant now, Duration lease) {
        long t = update.lastSyncAt().toEpochMilli();
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(mirrorKey(update))
                    .updateExpression("SET holder = :h, lease_until_ms = :until, claimed_ms = :t")
                    .conditionExpression("(attribute_not_exists(last_sync_at_ms) OR last_sync_at_ms <= :t) AND "
                            + "(attribute_not_exists(lease_until_ms) OR lease_until_ms < :now OR holder = :h)")
                    .expressionAttributeValues(Map.of(":h", RunItems.s(holder), ":t", RunItems.n(t),
                            ":until", RunItems.n(now.plus(lease).toEpochMilli()),
                            ":now", RunItems.n(now.toEpochMilli())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException refused) {
            AttributeValue delivered = refused.hasItem() ? refused.item().get("last_sync_at_ms") : null;
            return delivered != null && Long.parseLong(delivered.n()) > t ? Claim.SUPERSEDED : Claim.BUSY;
        } catch (SdkException e) {
            throw new InfrastructureException("push log unavailable", e);
        }
    }

    @Override
    public void release(SyncStateUpdate update, String holder, boolean delivered) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(mirrorKey(update))
                    .updateExpression((delivered ? "SET last_sync_at_ms = :t " : "")
                            + "REMOVE holder, lease_until_ms, claimed_ms")
                    // we held the row since the claim checked the watermark, so nobody delivered anything newer
                    .conditionExpression("holder = :h")
                    .expressionAttributeValues(delivered
                            ? Map.of(":h", RunItems.s(holder), ":t", RunItems.n(update.lastSyncAt().toEpochMilli()))
                            : Map.of(":h", RunItems.s(holder)))
                    .build());
        } catch (ConditionalCheckFailedException leaseLost) {
            // our lease ran out and another push took the row: only move the watermark forward, never back
            if (delivered) {
                advanceWatermark(update);
            }
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
