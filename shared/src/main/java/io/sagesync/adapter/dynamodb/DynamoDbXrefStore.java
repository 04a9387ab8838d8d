package io.sagesync.adapter.dynamodb;

import io.sagesync.domain.Xref;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.XrefStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Cross-references as {@code XREF#<kind>#<key>} / {@code XREF} items, e.g. {@code XREF#invoice#42} or
 * {@code XREF#contact#M5:EUR}. No TTL: they are what keeps a replay months later from duplicating Sage records.
 * Reads are strongly consistent because the exactly-once check reads what the previous attempt just wrote.
 */
public final class DynamoDbXrefStore implements XrefStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoDbXrefStore(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public Optional<Xref> find(String key) {
        try {
            var response = dynamoDb.getItem(GetItemRequest.builder().tableName(tableName).key(itemKey(key))
                    .consistentRead(true).build());
            if (!response.hasItem() || response.item().isEmpty()) {
                return Optional.empty();
            }
            Map<String, AttributeValue> item = response.item();
            AttributeValue ref = item.get("sage_reference");
            AttributeValue state = item.get("synced_state");
            return Optional.of(new Xref(item.get("sage_id").s(), ref == null ? null : ref.s(),
                    state == null ? null : state.s()));
        } catch (SdkException e) {
            throw new InfrastructureException("xref store unavailable", e);
        }
    }

    @Override
    public void put(String key, Xref xref) {
        Map<String, AttributeValue> item = new HashMap<>(itemKey(key));
        item.put("xref_key", AttributeValue.fromS(key));
        item.put("sage_id", AttributeValue.fromS(xref.sageId()));
        if (xref.sageReference() != null) {
            item.put("sage_reference", AttributeValue.fromS(xref.sageReference()));
        }
        if (xref.syncedState() != null) {
            item.put("synced_state", AttributeValue.fromS(xref.syncedState()));
        }
        item.put("updated_at", AttributeValue.fromS(clock.instant().toString()));
        try {
            dynamoDb.putItem(PutItemRequest.builder().tableName(tableName).item(item).build());
        } catch (SdkException e) {
            throw new InfrastructureException("xref store unavailable", e);
        }
    }

    /** {@code invoice:42} → pk {@code XREF#invoice#42}; a key without a kind is rejected (a bug, not data). */
    static Map<String, AttributeValue> itemKey(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("xref key must be <kind>:<key>");
        }
        String pk = TableKeys.XREF_PREFIX + key.substring(0, colon) + "#" + key.substring(colon + 1);
        return Map.of(TableKeys.PK, AttributeValue.fromS(pk), TableKeys.SK, AttributeValue.fromS(TableKeys.XREF_SK));
    }
}
