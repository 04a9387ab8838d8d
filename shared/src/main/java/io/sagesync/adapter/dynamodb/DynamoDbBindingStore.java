package io.sagesync.adapter.dynamodb;

import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.domain.BindingState;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.port.BindingStore;
import io.sagesync.port.InfrastructureException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The tenant binding in the single table: {@code BINDING}/{@code POLICY} holds the sync policy as the documented
 * JSON ({@link SyncPolicyJson}, so an operator can read and edit it), {@code BINDING}/{@code STATE} the connection
 * flags. Absent items mean the documented defaults.
 */
public final class DynamoDbBindingStore implements BindingStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;
    private final SyncPolicyJson policyJson = new SyncPolicyJson();

    public DynamoDbBindingStore(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public SyncPolicy policy() {
        return get(TableKeys.BINDING_POLICY_SK)
                .map(item -> policyJson.parse(item.get("policy").s()))
                .orElseGet(SyncPolicy::defaults);
    }

    @Override
    public void savePolicy(SyncPolicy policy) {
        Map<String, AttributeValue> item = new HashMap<>(key(TableKeys.BINDING_POLICY_SK));
        item.put("policy", AttributeValue.fromS(policyJson.serialise(policy)));
        item.put("updated_at", AttributeValue.fromS(clock.instant().toString()));
        try {
            dynamoDb.putItem(PutItemRequest.builder().tableName(tableName).item(item).build());
        } catch (SdkException e) {
            throw new InfrastructureException("binding store unavailable", e);
        }
    }

    @Override
    public BindingState state() {
        return get(TableKeys.BINDING_STATE_SK).map(item -> new BindingState(
                text(item, "magento_connection", BindingState.ACTIVE),
                text(item, "sage_connection", BindingState.NOT_CONNECTED),
                text(item, "reason", null),
                Optional.ofNullable(text(item, "updated_at", null)).map(Instant::parse).orElse(null)))
                .orElseGet(BindingState::initial);
    }

    @Override
    public void flagMagento(String status, String reason) {
        flag("magento_connection", status, reason);
    }

    @Override
    public void flagSage(String status, String reason) {
        flag("sage_connection", status, reason);
    }

    /** One attribute per channel, so flagging Magento never overwrites a concurrent Sage flag. */
    private void flag(String attribute, String status, String reason) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(key(TableKeys.BINDING_STATE_SK))
                    .updateExpression("SET " + attribute + " = :s, reason = :r, updated_at = :now")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(status),
                            ":r", AttributeValue.fromS(reason == null ? status : reason),
                            ":now", AttributeValue.fromS(clock.instant().toString())))
                    .build());
        } catch (SdkException e) {
            throw new InfrastructureException("binding store unavailable", e);
        }
    }

    private Optional<Map<String, AttributeValue>> get(String sk) {
        try {
            var response = dynamoDb.getItem(GetItemRequest.builder().tableName(tableName).key(key(sk))
                    .consistentRead(true).build());
            return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
        } catch (SdkException e) {
            throw new InfrastructureException("binding store unavailable", e);
        }
    }

    private static Map<String, AttributeValue> key(String sk) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.BINDING_PK), TableKeys.SK, AttributeValue.fromS(sk));
    }

    private static String text(Map<String, AttributeValue> item, String name, String fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? fallback : v.s();
    }
}
