package io.sagesync.adapter.dynamodb;

import io.sagesync.port.InfrastructureException;
import io.sagesync.port.ReplayGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * jti single use through a conditional put. An expired record counts as absent, because DynamoDB's TTL deletes
 * lazily (often hours late) and a token id can only legitimately repeat after its token has expired anyway.
 */
public final class DynamoDbReplayGuard implements ReplayGuard {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoDbReplayGuard(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String jti, Instant keepUntil) {
        long now = clock.instant().getEpochSecond();
        try {
            dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(tableName)
                    .item(Map.of(
                            TableKeys.PK, AttributeValue.fromS(TableKeys.JTI_PREFIX + jti),
                            TableKeys.SK, AttributeValue.fromS(TableKeys.JTI_SK),
                            TableKeys.EXPIRES_AT, AttributeValue.fromN(Long.toString(keepUntil.getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(#pk) OR #exp < :now")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#exp", TableKeys.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now))))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException replay) {
            return false;
        } catch (SdkException e) {
            throw new InfrastructureException("jti store unavailable", e);
        }
    }
}
