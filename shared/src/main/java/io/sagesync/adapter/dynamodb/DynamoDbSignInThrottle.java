package io.sagesync.adapter.dynamodb;

import io.sagesync.port.InfrastructureException;
import io.sagesync.port.SignInThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Fixed 15-minute windows: {@code SIGNIN#<client>#<window>} counts one client's attempts (at most
 * {@value #PER_CLIENT}), {@code SIGNIN#*#<window>} everyone's (at most {@value #OVERALL}, against guessing from many
 * addresses). The conditional ADD refuses the attempt that would exceed the budget; items expire with TTL.
 */
public final class DynamoDbSignInThrottle implements SignInThrottle {
    static final int PER_CLIENT = 10;
    static final int OVERALL = 100;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbSignInThrottle(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean tryAttempt(String clientKey, Instant now) {
        long window = now.getEpochSecond() / WINDOW.toSeconds();
        String client = clientKey == null || clientKey.isBlank() ? "unknown" : clientKey;
        return count("SIGNIN#*#" + window, OVERALL, window) && count("SIGNIN#" + client + "#" + window, PER_CLIENT,
                window);
    }

    private boolean count(String pk, int budget, long window) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(Map.of(TableKeys.PK, AttributeValue.fromS(pk), TableKeys.SK, AttributeValue.fromS("SIGNIN")))
                    .updateExpression("ADD attempts :one SET expires_at = :exp")
                    .conditionExpression("attribute_not_exists(attempts) OR attempts < :budget")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":budget", AttributeValue.fromN(Integer.toString(budget)),
                            ":exp", AttributeValue.fromN(Long.toString((window + 2) * WINDOW.toSeconds()))))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException exhausted) {
            return false;
        } catch (SdkException e) {
            throw new InfrastructureException("sign-in throttle unavailable", e);
        }
    }
}
