package io.sagesync.adapter.dynamodb;

import io.sagesync.domain.ReplayFilter;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.ReplayableRuns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * {@link ReplayableRuns} on the tenant's table. Runs have no index by status, so the query is a paginated, filtered
 * scan of the run items: fine for an operator command on a one-tenant table, never on a hot path. A replayed run
 * carries {@code replayed_as}; the scan leaves those out.
 */
public final class DynamoDbReplayableRuns implements ReplayableRuns {
    private static final String REPLAYED_AS = RunItems.REPLAYED_AS;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbReplayableRuns(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public List<SyncRun> find(ReplayFilter filter) {
        Map<String, String> names = new HashMap<>(Map.of("#sk", TableKeys.SK, "#st", "status",
                "#replayed", REPLAYED_AS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":run", AttributeValue.fromS(TableKeys.RUN_SK),
                ":status", AttributeValue.fromS(filter.status().wireName())));
        StringBuilder expression = new StringBuilder(
                "#sk = :run AND #st = :status AND attribute_not_exists(#replayed)");
        if (filter.reason() != null) {
            names.put("#reason", "reason");
            values.put(":reason", AttributeValue.fromS(filter.reason()));
            expression.append(" AND #reason = :reason");
        }
        List<SyncRun> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                ScanRequest.Builder request = ScanRequest.builder().tableName(tableName).consistentRead(true)
                        .filterExpression(expression.toString()).expressionAttributeNames(names)
                        .expressionAttributeValues(values);
                if (start != null) {
                    request.exclusiveStartKey(start);
                }
                ScanResponse page = dynamoDb.scan(request.build());
                page.items().stream().map(RunItems::fromItem).filter(filter::matches).forEach(found::add);
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable while looking for runs to replay", e);
        }
        found.sort(Comparator.comparing(SyncRun::createdAt).thenComparing(SyncRun::runId));
        return found;
    }

    @Override
    public boolean markReplayed(String runId, String replayRunId) {
        try {
            dynamoDb.updateItem(b -> b.tableName(tableName)
                    .key(Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.RUN_PREFIX + runId),
                            TableKeys.SK, AttributeValue.fromS(TableKeys.RUN_SK)))
                    .updateExpression("SET #replayed = :replay")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#replayed)")
                    .expressionAttributeNames(Map.of("#replayed", REPLAYED_AS, "#pk", TableKeys.PK))
                    .expressionAttributeValues(Map.of(":replay", AttributeValue.fromS(replayRunId))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable while marking a replayed run", e);
        }
    }
}
