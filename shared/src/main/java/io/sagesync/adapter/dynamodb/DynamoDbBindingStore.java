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
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link BindingStore} on the single table: {@code pk = BINDING}, {@code sk = STATE} holds the connection flags
 * ({@code magento_connection}, {@code sage_connection}, {@code reason}, {@code updated_at}), {@code sk = POLICY}
 * holds the policy document ({@code policy}, JSON as {@link SyncPolicyJson} writes it). Each flag is updated on its
 * own so a Magento flag and a Sage flag written at once do not overwrite each other. Reads are strongly consistent:
 * a needs_reauth flag must stop the next refresh attempt.
 */
public final class DynamoDbBindingStore implements BindingStore {
    static final String BINDING_PK = "BINDING";
    static final String STATE_SK = "STATE";
    static final String POLICY_SK = "POLICY";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final SyncPolicyJson policyJson = new SyncPolicyJson();

    public DynamoDbBindingStore(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SyncPolicy policy() {
        Map<String, AttributeValue> item = get(POLICY_SK);
        AttributeValue policy = item.get("policy");
        return policy == null ? SyncPolicy.defaults() : policyJson.parse(policy.s());
    }

    @Override
    public void savePolicy(SyncPolicy policy) {
        Map<String, AttributeValue> item = new HashMap<>(key(POLICY_SK));
        item.put("policy", AttributeValue.fromS(policyJson.serialise(policy)));
        item.put("updated_at", AttributeValue.fromS(clock.instant().toString()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item));
        } catch (SdkException e) {
            throw new InfrastructureException("binding policy not writable", e);
        }
    }

    @Override
    public BindingState state() {
        Map<String, AttributeValue> item = get(STATE_SK);
        BindingState initial = BindingState.initial();
        return new BindingState(
                text(item, "magento_connection", initial.magentoConnection()),
                text(item, "sage_connection", initial.sageConnection()),
                text(item, "reason", null),
                item.containsKey("updated_at") ? Instant.parse(item.get("updated_at").s()) : null);
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
        Objects.requireNonNull(status, "status");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":s", AttributeValue.fromS(status));
        values.put(":r", reason == null ? AttributeValue.fromNul(true) : AttributeValue.fromS(reason));
        values.put(":t", AttributeValue.fromS(clock.instant().toString()));
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(STATE_SK))
                    .updateExpression("SET #a = :s, reason = :r, updated_at = :t")
                    .expressionAttributeNames(Map.of("#a", attribute))
                    .expressionAttributeValues(values));
        } catch (SdkException e) {
            throw new InfrastructureException("binding state not writable", e);
        }
    }

    private Map<String, AttributeValue> get(String sk) {
        try {
            return dynamoDb.getItem(b -> b.tableName(table).key(key(sk)).consistentRead(true)).item();
        } catch (SdkException e) {
            throw new InfrastructureException("binding not readable", e);
        }
    }

    private static Map<String, AttributeValue> key(String sk) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(BINDING_PK), TableKeys.SK, AttributeValue.fromS(sk));
    }

    private static String text(Map<String, AttributeValue> item, String name, String fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? fallback : v.s();
    }
}
