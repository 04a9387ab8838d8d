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
 * The tenant binding in the single table: {@code pk = BINDING}, {@code sk = STATE} (connection flags) and
 * {@code sk = POLICY} (the sync policy as {@link SyncPolicyJson} text). Flags are written with UpdateItem on their own
 * attribute, so a Magento flag and a Sage flag set concurrently never overwrite each other.
 */
public final class DynamoDbBindingStore implements BindingStore {
    static final String BINDING_PK = "BINDING";
    static final String STATE_SK = "STATE";
    static final String POLICY_SK = "POLICY";

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
        return get(POLICY_SK).map(item -> policyJson.parse(item.get("policy").s())).orElseGet(SyncPolicy::defaults);
    }

    @Override
    public void savePolicy(SyncPolicy policy) {
        Map<String, AttributeValue> item = new HashMap<>(key(POLICY_SK));
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
        BindingState initial = BindingState.initial();
        return get(STATE_SK).map(item -> new BindingState(
                text(item, "magento_connection", initial.magentoConnection()),
                text(item, "sage_connection", initial.sageConnection()),
                text(item, "reason", null),
                item.containsKey("updated_at") ? Instant.parse(item.get("updated_at").s()) : null))
                .orElse(initial);
    }

    @Override
    public void flagMagento(String status, String reason) {
        flag("magento_connection", status, reason);
    }

    @Override
    public void flagSage(String status, String reason) {
        flag("sage_connection", status, reason);
    }

    private void flag(String attribute, String status, String reason) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":st", AttributeValue.fromS(status));
        values.put(":now", AttributeValue.fromS(clock.instant().toString()));
        String expression = "SET " + attribute + " = :st, updated_at = :now";
        if (reason != null) {
            values.put(":r", AttributeValue.fromS(reason));
            expression += ", #reason = :r";
        }
        try {
            var request = UpdateItemRequest.builder().tableName(tableName).key(key(STATE_SK))
                    .updateExpression(expression).expressionAttributeValues(values);
            if (reason != null) {
                request.expressionAttributeNames(Map.of("#reason", "reason"));
            }
            dynamoDb.updateItem(request.build());
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
        return Map.of(TableKeys.PK, AttributeValue.fromS(BINDING_PK), TableKeys.SK, AttributeValue.fromS(sk));
    }

    private static String text(Map<String, AttributeValue> item, String name, String fallback) {
        AttributeValue v = item.get(name);
        return v == null ? fallback : v.s();
    }
}
