package io.sagesync.adapter.dynamodb;

import io.sagesync.port.ConsoleSessions;
import io.sagesync.port.InfrastructureException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Console sessions: {@code SESSION#<sha256(cookie)>}/{@code SESSION} with the CSRF token; TTL = session expiry. */
public final class DynamoDbConsoleSessions implements ConsoleSessions {
    private static final String PREFIX = "SESSION#";
    private static final String SK = "SESSION";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbConsoleSessions(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void create(String tokenHash, String csrfToken, Instant expiresAt) {
        try {
            dynamoDb.putItem(PutItemRequest.builder().tableName(tableName).item(Map.of(
                    TableKeys.PK, AttributeValue.fromS(PREFIX + tokenHash), TableKeys.SK, AttributeValue.fromS(SK),
                    "csrf", AttributeValue.fromS(csrfToken),
                    TableKeys.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()))))
                    .build());
        } catch (SdkException e) {
            throw new InfrastructureException("session store unavailable", e);
        }
    }

    @Override
    public Optional<String> csrfToken(String tokenHash, Instant now) {
        try {
            var response = dynamoDb.getItem(GetItemRequest.builder().tableName(tableName).key(key(tokenHash))
                    .consistentRead(true).build());
            if (!response.hasItem() || response.item().isEmpty()) {
                return Optional.empty();
            }
            Map<String, AttributeValue> item = response.item();
            // TTL deletes lazily: expiry is checked here, not left to DynamoDB
            if (Long.parseLong(item.get(TableKeys.EXPIRES_AT).n()) <= now.getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(item.get("csrf").s());
        } catch (SdkException e) {
            throw new InfrastructureException("session store unavailable", e);
        }
    }

    @Override
    public void delete(String tokenHash) {
        try {
            dynamoDb.deleteItem(DeleteItemRequest.builder().tableName(tableName).key(key(tokenHash)).build());
        } catch (SdkException e) {
            throw new InfrastructureException("session store unavailable", e);
        }
    }

    private static Map<String, AttributeValue> key(String tokenHash) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(PREFIX + tokenHash), TableKeys.SK, AttributeValue.fromS(SK));
    }
}
