package io.sagesync.adapter.dynamodb;

import io.sagesync.port.InfrastructureException;
import io.sagesync.port.OAuthStateStore;
import io.sagesync.security.Pkce;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Pending Sage authorisations: one item per OAuth {@code state}, keyed by the state's SHA-256
 * ({@code pk = OAUTH_STATE#<hash>}, {@code sk = STATE}) and holding the PKCE verifier and the requested business.
 * Taking a state deletes it (single use, even when the code exchange then fails); the {@code expires_at} TTL only
 * tidies the table, expiry is enforced on read because DynamoDB deletes expired items lazily.
 */
public final class DynamoDbOAuthStateStore implements OAuthStateStore {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbOAuthStateStore(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb);
        this.table = Objects.requireNonNull(table);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public void save(String state, PendingAuthorization pending) {
        Map<String, AttributeValue> item = new HashMap<>(key(state));
        item.put("code_verifier", AttributeValue.fromS(pending.codeVerifier()));
        if (pending.businessId() != null) {
            item.put("business_id", AttributeValue.fromS(pending.businessId()));
        }
        item.put("replace_confirmed", AttributeValue.fromBool(pending.replaceConfirmed()));
        item.put("expires_at", AttributeValue.fromN(Long.toString(clock.instant().plus(STATE_TTL).getEpochSecond())));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item));
        } catch (SdkException e) {
            throw new InfrastructureException("OAuth state not writable", e);
        }
    }

    @Override
    public Optional<PendingAuthorization> take(String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> old;
        try {
            old = dynamoDb.deleteItem(b -> b.tableName(table).key(key(state)).returnValues(ReturnValue.ALL_OLD))
                    .attributes();
        } catch (SdkException e) {
            throw new InfrastructureException("OAuth state not readable", e);
        }
        if (old == null || old.isEmpty()) {
            return Optional.empty();
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(old.get("expires_at").n()));
        if (!clock.instant().isBefore(expiresAt)) {
            return Optional.empty();
        }
        AttributeValue business = old.get("business_id");
        AttributeValue replace = old.get("replace_confirmed");
        return Optional.of(new PendingAuthorization(old.get("code_verifier").s(),
                business == null ? null : business.s(), replace != null && Boolean.TRUE.equals(replace.bool())));
    }

    private static Map<String, AttributeValue> key(String state) {
        return Map.of("pk", AttributeValue.fromS("OAUTH_STATE#" + Pkce.sha256Hex(state)),
                "sk", AttributeValue.fromS("STATE"));
    }
}
