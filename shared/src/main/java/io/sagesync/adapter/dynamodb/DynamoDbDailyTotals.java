package io.sagesync.adapter.dynamodb;

import io.sagesync.domain.DocumentTotals;
import io.sagesync.port.DailyTotals;
import io.sagesync.port.InfrastructureException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * One small item per posted document, {@code RECON}/{@code DAY#<yyyy-mm-dd>#<run_id>}, holding {@code k} (kind),
 * {@code c} (currency), {@code m} (Magento total) and {@code s} (Sage total, absent when Sage gave none). Writing a
 * run's own item is idempotent (a redelivered or retried finish writes the same item; a later attempt replaces it)
 * and costs one write unit however many documents the day has. A window of days is one Query on the {@code RECON}
 * partition over the sort-key range of its dates.
 *
 * <p>An earlier design kept the day's documents as attributes of one item per day: each write then cost as many
 * write units as the day had kilobytes, and a day of about 5,000 documents (a Black Friday) would have hit
 * DynamoDB's 400 KB item limit and stopped recording.
 */
public final class DynamoDbDailyTotals implements DailyTotals {
    static final String RECON_PK = "RECON";
    static final String DAY_PREFIX = "DAY#";
    /** Sorts after every run id character, so {@code DAY#<to>#~} closes the range of day {@code to}. */
    private static final String AFTER_ANY_RUN_ID = "#~";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbDailyTotals(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void record(String runId, DocumentTotals totals) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, AttributeValue.fromS(RECON_PK));
        item.put(TableKeys.SK, AttributeValue.fromS(DAY_PREFIX + totals.date() + "#" + runId));
        item.put("run_id", AttributeValue.fromS(runId));
        item.put("k", AttributeValue.fromS(totals.kind().wireName()));
        item.put("c", AttributeValue.fromS(totals.currency()));
        item.put("m", AttributeValue.fromN(totals.magentoTotal().toPlainString()));
        if (totals.sageTotal() != null) {
            item.put("s", AttributeValue.fromN(totals.sageTotal().toPlainString()));
        }
        try {
            dynamoDb.putItem(PutItemRequest.builder().tableName(tableName).item(item).build());
        } catch (SdkException e) {
            throw new InfrastructureException("daily totals unavailable", e);
        }
    }

    @Override
    public List<Entry> between(LocalDate from, LocalDate to) {
        List<Entry> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(tableName)
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(RECON_PK),
                                ":from", AttributeValue.fromS(DAY_PREFIX + from),
                                ":to", AttributeValue.fromS(DAY_PREFIX + to + AFTER_ANY_RUN_ID)))
                        .consistentRead(true).exclusiveStartKey(start).build());
                page.items().forEach(item -> entry(item).ifPresent(out::add));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw new InfrastructureException("daily totals unavailable", e);
        }
        return out;
    }

    private static java.util.Optional<Entry> entry(Map<String, AttributeValue> item) {
        String sk = item.get(TableKeys.SK).s();
        int hash = sk.indexOf('#', DAY_PREFIX.length());
        if (hash < 0 || !item.containsKey("m")) {
            return java.util.Optional.empty();
        }
        AttributeValue sage = item.get("s");
        return java.util.Optional.of(new Entry(sk.substring(hash + 1), new DocumentTotals(
                DocumentTotals.Kind.fromWire(item.get("k").s()), LocalDate.parse(sk.substring(DAY_PREFIX.length(),
                hash)), item.get("c").s(), new BigDecimal(item.get("m").n()),
                sage == null ? null : new BigDecimal(sage.n()))));
    }
}
