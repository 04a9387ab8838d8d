package io.sagesync.adapter.dynamodb;

import static io.sagesync.adapter.dynamodb.RunItems.n;
import static io.sagesync.adapter.dynamodb.RunItems.runKey;
import static io.sagesync.adapter.dynamodb.RunItems.s;

import static io.sagesync.adapter.dynamodb.RunItems.n;
import static io.sagesync.adapter.dynamodb.RunItems.runKey;
import static io.sagesync.adapter.dynamodb.RunItems.s;
import io.sagesync.domain.RunStart;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.InfrastructureException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Moving a run to {@code running} ({@link DynamoDbSyncRunStore#start}): one conditional update for the common case
 * (a queued run starting a new cycle), else read, decide the retry cycle, and update under an optimistic condition.
 */
final class RunStarts {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final RunTable table;

    RunStarts(DynamoDbClient dynamoDb, String tableName, RunTable table) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.table = table;
    }

    Optional<RunStart> start(String runId, Instant now) {
        Optional<RunStart> fresh = startQueued(runId, now);
        if (fresh.isPresent()) {
            return fresh;
        }
        Optional<Map<String, AttributeValue>> item = table.get(TableKeys.RUN_PREFIX + runId, TableKeys.RUN_SK);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        SyncRun before = RunItems.fromItem(item.get());
        if (before.status() == RunStatus.SUCCEEDED || before.status() == RunStatus.SKIPPED) {
            return Optional.empty();
        }
        // The retry budget continues only across our own delayed retries and crashed attempts (still running); a
        // fresh run, a re-fired one and an operator's redrive of a failed one start a new cycle.
        boolean continuing = before.status() == RunStatus.RUNNING || before.status() == RunStatus.QUEUED
                && Boolean.TRUE.equals(RunItems.boolAttr(item.get(), "retry_pending"));
        int cycle = continuing ? RunItems.intAttr(item.get(), "cycle_attempts") + 1 : 1;
        try {
            var response = dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(runKey(runId))
                    .updateExpression("SET #st = :running, attempts = attempts + :one, cycle_attempts = :cycle, "
                            + "started_at = :now, #upd = :now, #act = :act "
                            + "REMOVE finished_at, duration_ms, retry_pending")
                    // optimistic: nobody else moved the run since we read it
                    .conditionExpression("#st = :before AND attempts = :attempts")
                    .expressionAttributeNames(Map.of("#st", "status", "#upd", RunItems.UPDATED_AT,
                            "#act", RunItems.ACTIVE))
                    .expressionAttributeValues(Map.of(":running", s(RunStatus.RUNNING.wireName()),
                            ":one", n(1), ":cycle", n(cycle), ":now", s(now.toString()),
                            ":before", s(before.status().wireName()), ":attempts", n(before.attempts()),
                            ":act", s(RunItems.ACTIVE_VALUE)))
                    .returnValues(ReturnValue.ALL_NEW)
                    .build());
            return Optional.of(new RunStart(RunItems.fromItem(response.attributes()), cycle,
                    before.status() == RunStatus.FAILED));
        } catch (ConditionalCheckFailedException raced) {
            throw new InfrastructureException("run " + runId + " changed while starting", raced);
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }

    /**
     * The common start in one request, without reading first: a queued run with no retry pending begins a new
     * cycle. Anything else (running after a crash, a pending retry, failed, finished or missing) fails the condition
     * and takes the read-then-update path above.
     */
    private Optional<RunStart> startQueued(String runId, Instant now) {
        try {
            var response = dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(runKey(runId))
                    .updateExpression("SET #st = :running, attempts = attempts + :one, cycle_attempts = :one, "
                            + "started_at = :now, #upd = :now, #act = :act REMOVE finished_at, duration_ms")
                    .conditionExpression("#st = :queued AND attribute_not_exists(retry_pending)")
                    .expressionAttributeNames(Map.of("#st", "status", "#upd", RunItems.UPDATED_AT,
                            "#act", RunItems.ACTIVE))
                    .expressionAttributeValues(Map.of(":running", s(RunStatus.RUNNING.wireName()),
                            ":queued", s(RunStatus.QUEUED.wireName()), ":one", n(1), ":now", s(now.toString()),
                            ":act", s(RunItems.ACTIVE_VALUE)))
                    .returnValues(ReturnValue.ALL_NEW)
                    .build());
            return Optional.of(new RunStart(RunItems.fromItem(response.attributes()), 1, false));
        } catch (ConditionalCheckFailedException notAFreshQueuedRun) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }
}
