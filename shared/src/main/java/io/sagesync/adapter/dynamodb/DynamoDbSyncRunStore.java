package io.sagesync.adapter.dynamodb;

import static io.sagesync.adapter.dynamodb.RunItems.n;
import static io.sagesync.adapter.dynamodb.RunItems.runKey;
import static io.sagesync.adapter.dynamodb.RunItems.s;

import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStart;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.RunLifecycle;
import io.sagesync.port.SyncRunStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Sync runs ({@code RUN#<id>}) and the Idempotency-Key index ({@code IDEM#<key>} → run id) in the single table.
 *
 * <p>Only single-item conditional writes, no {@code TransactWriteItems}: each write is atomic on its own in DynamoDB
 * and in the emulators, and a state between two writes (a key without its run) is repaired by the next delivery
 * (docs/storage.md). A transaction would also cost a whole-table copy per request in moto.
 */
public final class DynamoDbSyncRunStore implements SyncRunStore, RunLifecycle {
    /**
     * Magento keeps a succeeded outbox row (and so drops repeats of its key) for 30 days; its transient retries
     * span about 4 days. Keeping keys a little longer than both makes every legitimate retry a duplicate, while a
     * genuinely new event with a recycled key (customer.upserted:5 after Magento's GC) starts a new run.
     */
    static final Duration IDEMPOTENCY_RETENTION = Duration.ofDays(35);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;
    private final RunTable table;
    private final RunStarts starts;

    public DynamoDbSyncRunStore(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
        this.table = new RunTable(dynamoDb, tableName);
        this.starts = new RunStarts(dynamoDb, tableName, table);
    }

    @Override
    public String claimKey(String idempotencyKey, String runId) {
        long now = clock.instant().getEpochSecond();
        try {
            dynamoDb.putItem(PutItemRequest.builder().tableName(tableName)
                    .item(Map.of(
                            TableKeys.PK, s(TableKeys.IDEMPOTENCY_PREFIX + idempotencyKey),
                            TableKeys.SK, s(TableKeys.IDEMPOTENCY_SK),
                            "run_id", s(runId),
                            TableKeys.EXPIRES_AT, n(now + IDEMPOTENCY_RETENTION.toSeconds())))
                    // an expired key is free again even if TTL has not deleted it yet
                    .conditionExpression("attribute_not_exists(#pk) OR #exp < :now")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#exp", TableKeys.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", n(now)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return runId;
        } catch (ConditionalCheckFailedException taken) {
            if (taken.hasItem() && taken.item().containsKey("run_id")) {
                return taken.item().get("run_id").s();
            }
            return get(TableKeys.IDEMPOTENCY_PREFIX + idempotencyKey, TableKeys.IDEMPOTENCY_SK)
                    .map(claim -> claim.get("run_id").s())
                    .orElseThrow(() -> new InfrastructureException("idempotency key vanished during read"));
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }

    @Override
    public Optional<SyncRun> createIfAbsent(SyncRun run) {
        try {
            dynamoDb.putItem(PutItemRequest.builder().tableName(tableName)
                    .item(RunItems.toItem(run))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return Optional.empty();
        } catch (ConditionalCheckFailedException exists) {
            if (exists.hasItem() && exists.item().containsKey("run_id")) {
                return Optional.of(RunItems.fromItem(exists.item()));
            }
            return Optional.of(find(run.runId())
                    .orElseThrow(() -> new InfrastructureException("run vanished during read")));
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }

    @Override
    public Optional<SyncRun> find(String runId) {
        return get(TableKeys.RUN_PREFIX + runId, TableKeys.RUN_SK).map(RunItems::fromItem);
    }

    @Override
    public void markEnqueued(String runId, int enqueueCount) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(runKey(runId))
                    .updateExpression("SET enqueued = :t")
                    // a late mark for an older enqueue must not claim a newer re-queue was sent
                    .conditionExpression("enqueue_count = :n")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":n", n(enqueueCount)))
                    .build());
        } catch (ConditionalCheckFailedException superseded) {
            // a newer enqueue owns the flag now; nothing to do
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }

    @Override
    public Optional<SyncRun> requeueFailed(String runId, Instant now) {
        return updateReturningNew(runId, "SET #st = :queued, enqueued = :f, enqueue_count = enqueue_count + :one, "
                        + "#upd = :now, #act = :act REMOVE error_class, reason",
                "#st = :failed", Map.of(":queued", s(RunStatus.QUEUED.wireName()),
                        ":failed", s(RunStatus.FAILED.wireName()), ":f", AttributeValue.fromBool(false),
                        ":one", n(1), ":now", s(now.toString()), ":act", s(RunItems.ACTIVE_VALUE)));
    }

    @Override
    public List<SyncRun> stalledSince(Instant cutoff, int limit) {
        try {
            // every page up to the limit (the gauge recount asks for every active run)
            return QueryPages.upTo(dynamoDb, QueryRequest.builder().tableName(tableName)
                    .indexName(RunItems.ACTIVE_INDEX)
                    .keyConditionExpression("#act = :act AND #upd < :cutoff")
                    .expressionAttributeNames(Map.of("#act", RunItems.ACTIVE, "#upd", RunItems.UPDATED_AT))
                    .expressionAttributeValues(Map.of(":act", s(RunItems.ACTIVE_VALUE),
                            ":cutoff", s(cutoff.toString())))
                    .build(), limit).stream()
                    // the index projects every attribute; a half-written item would not be a run we can re-send
                    .filter(item -> item.containsKey("run_id") && item.containsKey("status"))
                    .map(RunItems::fromItem).toList();
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }

    // ------------------------------------------------------------------ RunLifecycle (the sync worker's side)

    @Override
    public Optional<RunStart> start(String runId, Instant now) {
        return starts.start(runId, now);
    }

    @Override
    public boolean restore(SyncJob job, Instant now) {
        SyncRun run = SyncRun.restoredFrom(job, now);
        // the key first, so a later delivery of the same key finds this run rather than starting another
        claimKey(run.idempotencyKey(), run.runId());
        return createIfAbsent(run).isEmpty();
    }

    @Override
    public Optional<SyncRun> nextEnqueue(String runId, Instant changedBefore, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", n(1), ":f", AttributeValue.fromBool(false),
                ":now", s(now.toString()), ":queued", s(RunStatus.QUEUED.wireName()),
                ":running", s(RunStatus.RUNNING.wireName())));
        String condition = "#st IN (:queued, :running)";
        if (changedBefore != null) {
            condition += " AND #upd < :before";
            values.put(":before", s(changedBefore.toString()));
        }
        return updateReturningNew(runId, "SET enqueue_count = enqueue_count + :one, enqueued = :f, #upd = :now",
                condition, values);
    }

    @Override
    public void recordRetry(String runId, ErrorClass errorClass, String reason, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":queued", s(RunStatus.QUEUED.wireName()));
        values.put(":ec", s(errorClass.wireName()));
        values.put(":reason", s(reason == null ? errorClass.wireName() : reason));
        values.put(":now", s(now.toString()));
        values.put(":t", AttributeValue.fromBool(true));
        values.put(":act", s(RunItems.ACTIVE_VALUE));
        update(runId, "SET #st = :queued, retry_pending = :t, last_error_class = :ec, last_reason = :reason, "
                + "#upd = :now, #act = :act", values);
    }

    @Override
    public void finish(String runId, RunOutcome o) {
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET #st = :status, finished_at = :fin, duration_ms = :dur, "
                + "#upd = :fin, total_mismatch = :mm");
        List<String> remove = new ArrayList<>(List.of("#act"));
        values.put(":status", s(o.status().wireName()));
        values.put(":fin", s(o.finishedAt().toString()));
        values.put(":dur", n(o.duration().toMillis()));
        values.put(":mm", AttributeValue.fromBool(o.totalMismatch()));
        optionalSet(set, remove, values, "error_class", o.errorClass() == null ? null : o.errorClass().wireName());
        optionalSet(set, remove, values, "reason", o.reason());
        if (o.sageId() != null) {
            optionalSet(set, remove, values, "sage_id", o.sageId());
            optionalSet(set, remove, values, "sage_reference", o.sageReference());
        }
        optionalSet(set, remove, values, "reconciliation", o.reconciliation());
        if (o.totals() != null) {
            // kept when a later attempt has none (it found the document already posted)
            RunItems.putTotals(set, values, o.totals());
        }
        if (o.warnings().isEmpty()) {
            remove.add("warnings");
        } else {
            set.append(", warnings = :warnings");
            values.put(":warnings", AttributeValue.fromL(o.warnings().stream().map(AttributeValue::fromS).toList()));
        }
        String expression = set + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        update(runId, expression, values);
    }

    private static void optionalSet(StringBuilder set, List<String> remove, Map<String, AttributeValue> values,
                                    String name, String value) {
        if (value == null) {
            remove.add(name);
        } else {
            set.append(", ").append(name).append(" = :").append(name);
            values.put(":" + name, s(value));
        }
    }

    private Optional<SyncRun> updateReturningNew(String runId, String expression, String condition,
                                                 Map<String, AttributeValue> values) {
        return table.updateReturningNew(runKey(runId), expression, condition, values).map(RunItems::fromItem);
    }

    private void update(String runId, String expression, Map<String, AttributeValue> values) {
        if (!table.update(runKey(runId), expression, values)) {
            throw new InfrastructureException("run " + runId + " does not exist");
        }
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        return table.get(pk, sk);
    }
}
