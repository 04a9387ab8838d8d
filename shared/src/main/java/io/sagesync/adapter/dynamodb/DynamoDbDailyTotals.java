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
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * One item per document date, {@code RECON}/{@code DAY#<yyyy-mm-dd>}, with an attribute {@code d_<run_id>} per
 * posted document: a map {@code k} (kind), {@code c} (currency), {@code m} (Magento total), {@code s} (Sage total,
 * absent when Sage gave none). Setting a run's own attribute is idempotent (a redelivered or retried finish writes
 * the same entry; a later attempt replaces it), which {@code ADD} counters could not promise. A window of days is
 * one Query on the {@code RECON} partition.
 *
 * <p>Bound: about 5,000 documents per day fit in the 400 KB item; beyond that the update fails, the caller logs it
 * and the run is unaffected (the run item carries the same amounts).
 */
public final class DynamoDbDailyTotals implements DailyTotals {
    static final String RECON_PK = "RECON";
    static final String DAY_PREFIX = "DAY#";
    private static final String ENTRY = "d_";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbDailyTotals(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void record(String runId, DocumentTotals totals) {
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("k", AttributeValue.fromS(totals.kind().wireName()));
        entry.put("c", AttributeValue.fromS(totals.currency()));
        entry.put("m", AttributeValue.fromN(totals.magentoTotal().toPlainString()));
        if (totals.sageTotal() != null) {
            entry.put("s", AttributeValue.fromN(totals.sageTotal().toPlainString()));
        }
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName).key(key(totals.date()))
                    .updateExpression("SET #e = :e").expressionAttributeNames(Map.of("#e", ENTRY + runId))
                    .expressionAttributeValues(Map.of(":e", AttributeValue.fromM(entry))).build());
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
                                ":to", AttributeValue.fromS(DAY_PREFIX + to)))
                        .consistentRead(true).exclusiveStartKey(start).build());
                page.items().forEach(item -> entries(item, out));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw new InfrastructureException("daily totals unavailable", e);
        }
        return out;
    }

    private static void entries(Map<String, AttributeValue> item, List<Entry> out) {
        LocalDate date = LocalDate.parse(item.get(TableKeys.SK).s().substring(DAY_PREFIX.length()));
        for (Map.Entry<String, AttributeValue> a : item.entrySet()) {
            if (!a.getKey().startsWith(ENTRY) || !a.getValue().hasM()) {
                continue;
            }
            Map<String, AttributeValue> m = a.getValue().m();
            AttributeValue sage = m.get("s");
            out.add(new Entry(a.getKey().substring(ENTRY.length()), new DocumentTotals(
                    DocumentTotals.Kind.fromWire(m.get("k").s()), date, m.get("c").s(), new BigDecimal(m.get("m").n()),
                    sage == null ? null : new BigDecimal(sage.n()))));
        }
    }

    private static Map<String, AttributeValue> key(LocalDate date) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(RECON_PK), TableKeys.SK,
                AttributeValue.fromS(DAY_PREFIX + date));
    }
}
