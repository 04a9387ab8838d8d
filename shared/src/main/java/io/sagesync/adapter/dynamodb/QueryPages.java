package io.sagesync.adapter.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** A Query read page after page (DynamoDB returns at most 1 MB per page) until it is exhausted or has enough. */
final class QueryPages {
    private QueryPages() {
    }

    /** At most {@code limit} items; SDK failures propagate for the caller to translate. */
    static List<Map<String, AttributeValue>> upTo(DynamoDbClient dynamoDb, QueryRequest request, int limit) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamoDb.query(request.toBuilder().exclusiveStartKey(start)
                    .limit(limit - items.size()).build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < limit);
        return items;
    }
}
