package io.sagesync.adapter.dynamodb;

import io.sagesync.port.InfrastructureException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Consistent reads and conditional updates of existing items, with SDK failures mapped to our own exception. */
final class RunTable {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    RunTable(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        try {
            var item = dynamoDb.getItem(GetItemRequest.builder().tableName(tableName)
                    .key(Map.of(TableKeys.PK, RunItems.s(pk), TableKeys.SK, RunItems.s(sk)))
                    .consistentRead(true)
                    .build());
            return item.hasItem() && !item.item().isEmpty() ? Optional.of(item.item()) : Optional.empty();
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }

    /** Updates an existing item if {@code condition} holds; returns the new item, or empty if it did not apply. */
    Optional<Map<String, AttributeValue>> updateReturningNew(Map<String, AttributeValue> key, String expression,
                                                             String condition, Map<String, AttributeValue> values) {
        try {
            var response = dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(key)
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(#pk) AND " + condition)
                    .expressionAttributeNames(names(expression + condition))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build());
            return Optional.of(response.attributes());
        } catch (ConditionalCheckFailedException notApplicable) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }

    /** Updates an existing item (never creates one); false if there is no such item. */
    boolean update(Map<String, AttributeValue> key, String expression, Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(key)
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(names(expression))
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException missing) {
            return false;
        } catch (SdkException e) {
            throw new InfrastructureException("run store unavailable", e);
        }
    }

    /** Only the placeholders an expression uses (DynamoDB rejects unused ones). */
    private static Map<String, String> names(String expression) {
        Map<String, String> names = new HashMap<>();
        names.put("#pk", TableKeys.PK);
        if (expression.contains("#st")) {
            names.put("#st", "status");
        }
        if (expression.contains("#upd")) {
            names.put("#upd", RunItems.UPDATED_AT);
        }
        if (expression.contains("#act")) {
            names.put("#act", RunItems.ACTIVE);
        }
        return names;
    }
}
