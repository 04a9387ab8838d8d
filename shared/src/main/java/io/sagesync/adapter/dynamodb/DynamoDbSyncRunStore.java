package io.sagesync.adapter.dynamodb;

import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStart;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.RunLifecycle;
import io.sagesync.port.SyncRunStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Sync runs ({@code RUN#<id>}) and the Idempotency-Key index ({@code IDEM#<key>} → run id) in the single table.
 *
 * <p>The key claim and the run are written in one transaction, so a key can never point at a missing run and a run
 * can never exist without its key. The queue send happens after this write; see {@code AcceptWebhook} for why that
 * order never loses work.
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

    public DynamoDbSyncRunStore(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public Optional<SyncRun> createIfAbsent(SyncRun run) {
        long now = clock.instant().getEpochSecond();
        Put claimKey = Put.builder().tableName(tableName)
                .item(Map.of(
                        TableKeys.PK, s(TableKeys.IDEMPOTENCY_PREFIX + run.idempotencyKey()),
                        TableKeys.SK, s(TableKeys.IDEMPOTENCY_SK),
                        "run_id", s(run.runId()),
                        TableKeys.EXPIRES_AT, n(now + IDEMPOTENCY_RETENTION.toSeconds())))
                // an expired key is free again even if TTL has not deleted it yet
                .conditionExpression("attribute_not_exists(#pk) OR #exp < :now")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#exp", TableKeys.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", n(now)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        Put writeRun = Put.builder().tableName(tableName)
                .item(toItem(run))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK))
                .build();
        try {
            dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder()
                    .transactItems(TransactWriteItem.builder().put(claimKey).build(),
                            TransactWriteItem.builder().put(writeRun).build())
                    .build());
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            return Optional.of(existingOwner(run, e));
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }

    private SyncRun existingOwner(SyncRun attempted, TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        boolean keyTaken = !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code());
        if (!keyTaken) {
            // run-id collision or a conflicting concurrent transaction: transient from the caller's point of view
            throw new InfrastructureException("run write cancelled: " + reasonCodes(reasons), e);
        }
        Map<String, AttributeValue> claim = reasons.get(0).item();
        if (claim == null || !claim.containsKey("run_id")) {
            claim = get(TableKeys.IDEMPOTENCY_PREFIX + attempted.idempotencyKey(), TableKeys.IDEMPOTENCY_SK)
                    .orElseThrow(() -> new InfrastructureException("idempotency key vanished during read"));
        }
        String runId = claim.get("run_id").s();
        return find(runId).orElseThrow(() -> new InfrastructureException("idempotency key points at no run"));
    }

    private static String reasonCodes(List<CancellationReason> reasons) {
        return reasons.stream().map(CancellationReason::code).toList().toString();
    }

    @Override
    public Optional<SyncRun> find(String runId) {
        return get(TableKeys.RUN_PREFIX + runId, TableKeys.RUN_SK).map(DynamoDbSyncRunStore::fromItem);
    }

    @Override
    public void markEnqueued(String runId, int enqueueCount) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(runKey(runId))
                    .updateExpression("SET enqueued = :t, updated_at = :now")
                    // a late mark for an older enqueue must not claim a newer re-queue was sent
                    .conditionExpression("enqueue_count = :n")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true),
                            ":now", s(clock.instant().toString()), ":n", n(enqueueCount)))
                    .build());
        } catch (ConditionalCheckFailedException superseded) {
            // a newer enqueue owns the flag now; nothing to do
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }

    @Override
    public Optional<SyncRun> requeueFailed(String runId, Instant now) {
        try {
            var response = dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(runKey(runId))
                    .updateExpression("SET #st = :queued, enqueued = :f, enqueue_count = enqueue_count + :one, "
                            + "updated_at = :now REMOVE error_class, reason")
                    .conditionExpression("#st = :failed")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":queued", s(RunStatus.QUEUED.wireName()),
                            ":failed", s(RunStatus.FAILED.wireName()), ":f", AttributeValue.fromBool(false),
                            ":one", n(1), ":now", s(now.toString())))
                    .returnValues(ReturnValue.ALL_NEW)
                    .build());
            return Optional.of(fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException notFailedAnyMore) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }

    // ------------------------------------------------------------------ RunLifecycle (the sync worker's side)

    @Override
    public Optional<RunStart> start(String runId, Instant now) {
        Optional<Map<String, AttributeValue>> item = get(TableKeys.RUN_PREFIX + runId, TableKeys.RUN_SK);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        SyncRun before = fromItem(item.get());
        if (before.status() == RunStatus.SUCCEEDED || before.status() == RunStatus.SKIPPED) {
            return Optional.empty();
        }
        // The retry budget continues only across our own delayed retries and crashed attempts (still running); a
        // fresh run, a re-fired one and an operator's redrive of a failed one start a new cycle.
        boolean continuing = before.status() == RunStatus.RUNNING
                || before.status() == RunStatus.QUEUED && Boolean.TRUE.equals(boolAttr(item.get(), "retry_pending"));
        int cycle = continuing ? intAttr(item.get(), "cycle_attempts") + 1 : 1;
        try {
            var response = dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(runKey(runId))
                    .updateExpression("SET #st = :running, attempts = attempts + :one, cycle_attempts = :cycle, "
                            + "started_at = :now, updated_at = :now REMOVE finished_at, duration_ms, retry_pending")
                    // optimistic: nobody else moved the run since we read it
                    .conditionExpression("#st = :before AND attempts = :attempts")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":running", s(RunStatus.RUNNING.wireName()),
                            ":one", n(1), ":cycle", n(cycle), ":now", s(now.toString()),
                            ":before", s(before.status().wireName()), ":attempts", n(before.attempts())))
                    .returnValues(ReturnValue.ALL_NEW)
                    .build());
            return Optional.of(new RunStart(fromItem(response.attributes()), cycle));
        } catch (ConditionalCheckFailedException raced) {
            throw new InfrastructureException("run " + runId + " changed while starting", raced);
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }

    @Override
    public void recordRetry(String runId, ErrorClass errorClass, String reason, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":queued", s(RunStatus.QUEUED.wireName()));
        values.put(":ec", s(errorClass.wireName()));
        values.put(":reason", s(reason == null ? errorClass.wireName() : reason));
        values.put(":now", s(now.toString()));
        values.put(":t", AttributeValue.fromBool(true));
        update(runId, "SET #st = :queued, retry_pending = :t, last_error_class = :ec, last_reason = :reason, "
                + "updated_at = :now", values);
    }

    @Override
    public void finish(String runId, RunOutcome o) {
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET #st = :status, finished_at = :fin, duration_ms = :dur, "
                + "updated_at = :fin, total_mismatch = :mm");
        List<String> remove = new java.util.ArrayList<>();
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

    private void update(String runId, String expression, Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(runKey(runId))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#st", "status", "#pk", TableKeys.PK))
                    .expressionAttributeValues(values)
                    .build());
        } catch (ConditionalCheckFailedException missing) {
            throw new InfrastructureException("run " + runId + " does not exist", missing);
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }

    private static Boolean boolAttr(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.bool();
    }

    private static int intAttr(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Integer.parseInt(v.n());
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        try {
            var item = dynamoDb.getItem(GetItemRequest.builder().tableName(tableName)
                    .key(Map.of(TableKeys.PK, s(pk), TableKeys.SK, s(sk)))
                    .consistentRead(true)
                    .build());
            return item.hasItem() && !item.item().isEmpty() ? Optional.of(item.item()) : Optional.empty();
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }

    static Map<String, AttributeValue> runKey(String runId) {
        return Map.of(TableKeys.PK, s(TableKeys.RUN_PREFIX + runId), TableKeys.SK, s(TableKeys.RUN_SK));
    }

    static Map<String, AttributeValue> toItem(SyncRun run) {
        Map<String, AttributeValue> item = new HashMap<>(runKey(run.runId()));
        item.put("run_id", s(run.runId()));
        item.put("tenant_id", s(run.tenantId()));
        item.put("event", s(run.event().wireName()));
        item.put("entity_type", s(run.event().entityType().wireName()));
        item.put("magento_entity_id", n(run.magentoEntityId()));
        item.put("idempotency_key", s(run.idempotencyKey()));
        item.put("status", s(run.status().wireName()));
        item.put("attempts", n(run.attempts()));
        item.put("enqueue_count", n(run.enqueueCount()));
        item.put("enqueued", AttributeValue.fromBool(run.enqueued()));
        item.put("created_at", s(run.createdAt().toString()));
        item.put("updated_at", s(run.updatedAt().toString()));
        putIfPresent(item, "error_class", run.errorClass() == null ? null : run.errorClass().wireName());
        putIfPresent(item, "reason", run.reason());
        putIfPresent(item, "sage_id", run.sageId());
        putIfPresent(item, "sage_reference", run.sageReference());
        putIfPresent(item, "reconciliation", run.reconciliation());
        if (!run.warnings().isEmpty()) {
            item.put("warnings", AttributeValue.fromL(run.warnings().stream().map(AttributeValue::fromS).toList()));
        }
        return item;
    }

    static SyncRun fromItem(Map<String, AttributeValue> item) {
        return new SyncRun(
                new SyncRun.Subject(
                        item.get("run_id").s(),
                        item.get("tenant_id").s(),
                        EventName.fromWire(item.get("event").s()).orElseThrow(),
                        Long.parseLong(item.get("magento_entity_id").n()),
                        item.get("idempotency_key").s()),
                new SyncRun.Progress(
                        RunStatus.fromWire(item.get("status").s()),
                        Integer.parseInt(item.get("attempts").n()),
                        Integer.parseInt(item.get("enqueue_count").n()),
                        Boolean.TRUE.equals(item.get("enqueued").bool()),
                        Instant.parse(item.get("created_at").s()),
                        Instant.parse(item.get("updated_at").s())),
                new SyncRun.Result(
                        optional(item, "error_class") == null ? null
                                : ErrorClass.valueOf(optional(item, "error_class").toUpperCase(java.util.Locale.ROOT)),
                        optional(item, "reason"),
                        optional(item, "sage_id"),
                        optional(item, "sage_reference"),
                        optional(item, "reconciliation"),
                        item.containsKey("warnings") && item.get("warnings").hasL()
                                ? item.get("warnings").l().stream().map(AttributeValue::s).toList() : List.of()));
    }

    private static String optional(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
