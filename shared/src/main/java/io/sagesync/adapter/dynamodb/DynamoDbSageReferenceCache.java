package io.sagesync.adapter.dynamodb;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.SageReference;
import io.sagesync.port.SageReferenceCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The reference cache as one item ({@code pk = REFERENCE}, {@code sk = SAGE}); each list a JSON id → name map. */
public final class DynamoDbSageReferenceCache implements SageReferenceCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbSageReferenceCache(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public void save(SageReference r) {
        Map<String, AttributeValue> item = new HashMap<>(key());
        item.put("business_id", AttributeValue.fromS(r.businessId()));
        item.put("tax_rates", AttributeValue.fromS(write(r.taxRates())));
        item.put("sales_ledger_accounts", AttributeValue.fromS(write(r.salesLedgerAccounts())));
        item.put("purchase_ledger_accounts", AttributeValue.fromS(write(r.purchaseLedgerAccounts())));
        item.put("bank_accounts", AttributeValue.fromS(write(r.bankAccounts())));
        item.put("refreshed_at", AttributeValue.fromS(r.refreshedAt().toString()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item));
        } catch (SdkException e) {
            throw new InfrastructureException("reference cache not writable", e);
        }
    }

    @Override
    public Optional<SageReference> load() {
        Map<String, AttributeValue> item;
        try {
            item = dynamoDb.getItem(b -> b.tableName(table).key(key()).consistentRead(true)).item();
        } catch (SdkException e) {
            throw new InfrastructureException("reference cache not readable", e);
        }
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SageReference(item.get("business_id").s(), read(item, "tax_rates"),
                read(item, "sales_ledger_accounts"), read(item, "purchase_ledger_accounts"),
                read(item, "bank_accounts"), Instant.parse(item.get("refreshed_at").s())));
    }

    private static Map<String, AttributeValue> key() {
        return Map.of("pk", AttributeValue.fromS("REFERENCE"), "sk", AttributeValue.fromS("SAGE"));
    }

    private static String write(Map<String, String> m) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(m));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> read(Map<String, AttributeValue> item, String name) {
        try {
            return JSON.readValue(item.get(name).s(), MAP);
        } catch (IOException e) {
            throw new InfrastructureException("reference cache item is corrupt", e);
        }
    }
}
