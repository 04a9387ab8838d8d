package io.sagesync.adapter.dynamodb;

import io.sagesync.port.InfrastructureException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The gauges' member items ({@link DynamoDbRunGauges}): one per counted run, {@code GAUGE}/{@code M#<run_id>}, with
 * {@code state} and {@code failed_at}. Every write returns what the run counted as before ({@code ALL_OLD}), which
 * is what lets the counters move by exact differences.
 */
final class GaugeMembers {
    static final String MEMBER_PK = "GAUGE";
    static final String PENDING = "pending";
    static final String FAILED = "failed";
    private static final String MEMBER_PREFIX = "M#";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration failedMemberLife;

    GaugeMembers(DynamoDbClient dynamoDb, String tableName, Duration failedMemberLife) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.failedMemberLife = failedMemberLife;
    }


    /** What a run counted as before a member write: nothing, pending, or failed at {@code failedAt}. */
    record Counted(String state, Instant failedAt, String newState) {
        Delta delta() {
            return new Delta((PENDING.equals(newState) ? 1 : 0) - (PENDING.equals(state) ? 1 : 0));
        }
    }

    record Delta(int pending) {
    }

    Counted put(String runId, String state, Instant failedAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":state", AttributeValue.fromS(state));
        String expression = "SET #state = :state";
        if (failedAt != null) {
            // a failure stops counting after 24 hours; its member goes a day later (TTL), so members stay bounded
            values.put(":at", AttributeValue.fromN(Long.toString(failedAt.getEpochSecond())));
            values.put(":expires", AttributeValue.fromN(Long.toString(failedAt.plus(failedMemberLife)
                    .getEpochSecond())));
            expression += ", failed_at = :at, " + TableKeys.EXPIRES_AT + " = :expires";
        } else {
            expression += " REMOVE failed_at, " + TableKeys.EXPIRES_AT;
        }
        try {
            var response = dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(memberKey(runId)).updateExpression(expression)
                    .expressionAttributeNames(Map.of("#state", "state")).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_OLD).build());
            return counted(response.attributes(), state);
        } catch (SdkException e) {
            throw new InfrastructureException("run gauges unavailable", e);
        }
    }

    Counted delete(String runId) {
        try {
            var response = dynamoDb.deleteItem(b -> b.tableName(tableName).key(memberKey(runId))
                    .returnValues(ReturnValue.ALL_OLD));
            return counted(response.attributes(), null);
        } catch (SdkException e) {
            throw new InfrastructureException("run gauges unavailable", e);
        }
    }

    private static Counted counted(Map<String, AttributeValue> old, String newState) {
        if (old == null || old.isEmpty() || !old.containsKey("state")) {
            return new Counted(null, null, newState);
        }
        AttributeValue at = old.get("failed_at");
        return new Counted(old.get("state").s(), at == null ? null : Instant.ofEpochSecond(Long.parseLong(at.n())),
                newState);
    }

    interface MemberVisitor {
        void visit(String runId, Map<String, AttributeValue> member);
    }

    void forEach(MemberVisitor visitor) {
        Map<String, AttributeValue> start = null;
        try {
            do {
                QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(tableName)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :m)")
                        .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MEMBER_PK),
                                ":m", AttributeValue.fromS(MEMBER_PREFIX)))
                        .consistentRead(true).exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> member : page.items()) {
                    if (member.containsKey("state")) {
                        visitor.visit(member.get(TableKeys.SK).s().substring(MEMBER_PREFIX.length()), member);
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        } catch (SdkException e) {
            throw new InfrastructureException("run gauges unavailable", e);
        }
    }

    private static Map<String, AttributeValue> memberKey(String runId) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(MEMBER_PK),
                TableKeys.SK, AttributeValue.fromS(MEMBER_PREFIX + runId));
    }
}
