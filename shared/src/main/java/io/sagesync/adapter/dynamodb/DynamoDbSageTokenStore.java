package io.sagesync.adapter.dynamodb;

import io.sagesync.adapter.kms.KmsEnvelopeCipher;
import io.sagesync.adapter.secrets.SecretsManagerLegacySageTokens;
import io.sagesync.log.Log;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.SageTokenSet;
import io.sagesync.port.SageTokenStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The Sage tokens as one item ({@code pk = SAGE_TOKENS}, {@code sk = TOKENS}) holding the KMS-encrypted token JSON
 * ({@code token_blob}, binary, {@link KmsEnvelopeCipher}), its {@code token_version}, and the refresh lease
 * ({@code lease_owner}, {@code lease_until} in epoch millis, 0 once released). Lease and tokens share the item so
 * that one single-item conditional write can check both the writer's lease and the version it read: no transaction
 * (docs/storage.md explains why the table avoids them).
 *
 * <p>A write's condition is {@code lease_owner = me AND token_version = seen}; it does not also demand that the lease is
 * still running: a holder whose lease ran out while nobody took it over holds the only valid pair (the old refresh
 * token is spent), and storing it is right. Once someone else took the lease, the owner check refuses the write.
 *
 * <p>Migration: a stack connected by an older version has its tokens in the SageSecret and no item here. The first
 * read moves them (one Secrets Manager read, one conditional write); after that the item exists, even when cleared,
 * and the secret is never read again.
 */
public final class DynamoDbSageTokenStore implements SageTokenStore {
    static final String PK = "SAGE_TOKENS";
    static final String SK = "TOKENS";
    private static final Map<String, String> CONTEXT = Map.of("sagesync_record", PK);
    private static final Log LOG = Log.of(DynamoDbSageTokenStore.class);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final KmsEnvelopeCipher cipher;
    private final Supplier<Optional<SageTokenSet>> legacy;
    private final Clock clock;

    /** @param legacy where an older version kept the tokens ({@link SecretsManagerLegacySageTokens#read}) */
    public DynamoDbSageTokenStore(DynamoDbClient dynamoDb, String table, KmsEnvelopeCipher cipher,
                                  Supplier<Optional<SageTokenSet>> legacy, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.legacy = Objects.requireNonNull(legacy, "legacy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Versioned read() {
        Map<String, AttributeValue> item;
        try {
            item = dynamoDb.getItem(b -> b.tableName(table).key(key()).consistentRead(true)).item();
        } catch (SdkException e) {
            throw new InfrastructureException("Sage tokens not readable", e);
        }
        Versioned stored = decode(item);
        return stored.version() == 0 && stored.tokens() == null ? migrate() : stored;
    }

    @Override
    public Optional<Lease> tryLease(String owner, Duration duration) {
        long now = clock.millis();
        long until = now + duration.toMillis();
        Map<String, AttributeValue> old;
        try {
            old = dynamoDb.updateItem(b -> b.tableName(table).key(key())
                    .updateExpression("SET lease_owner = :owner, lease_until = :until, "
                            + "token_version = if_not_exists(token_version, :zero)")
                    .conditionExpression("attribute_not_exists(pk) OR attribute_not_exists(lease_until) "
                            + "OR lease_until < :now")
                    .expressionAttributeValues(Map.of(":owner", s(owner), ":until", n(until), ":zero", n(0),
                            ":now", n(now)))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new InfrastructureException("Sage token lease not writable", e);
        }
        Versioned seen = decode(old);
        if (seen.version() == 0 && seen.tokens() == null) {
            // not moved yet: what a write under this lease stores becomes version 1, the move
            seen = new Versioned(legacy.get().orElse(null), 0);
        }
        long previousUntil = old == null || !old.containsKey("lease_until") ? 0
                : Long.parseLong(old.get("lease_until").n());
        return Optional.of(new Lease(owner, Instant.ofEpochMilli(until), seen, previousUntil > 0));
    }

    @Override
    public boolean write(Lease lease, SageTokenSet tokens) {
        long next = lease.seen().version() + 1;
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":owner", s(lease.owner()),
                ":seen", n(lease.seen().version()), ":next", n(next), ":zero", n(0), ":now",
                s(clock.instant().toString())));
        String set = "SET token_version = :next, lease_until = :zero, updated_at = :now";
        String update;
        if (tokens == null) {
            update = set + " REMOVE token_blob";
        } else {
            values.put(":tokens", AttributeValue.fromB(SdkBytes.fromByteArray(seal(tokens))));
            update = set + ", token_blob = :tokens";
        }
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key()).updateExpression(update)
                    .conditionExpression("lease_owner = :owner AND token_version = :seen")
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            LOG.warn("sage token write refused: lease lost or newer version stored", "version_seen",
                    lease.seen().version());
            return false;
        } catch (SdkException e) {
            throw new InfrastructureException("Sage tokens not writable", e);
        }
    }

    @Override
    public void release(Lease lease) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key())
                    .updateExpression("SET lease_until = :zero")
                    .conditionExpression("lease_owner = :owner")
                    .expressionAttributeValues(Map.of(":zero", n(0), ":owner", s(lease.owner()))));
        } catch (ConditionalCheckFailedException e) {
            // our lease ran out and someone else holds it now: nothing of ours to release
        } catch (SdkException e) {
            // the lease expires on its own; losing the release only delays the next holder by its duration
            throw new InfrastructureException("Sage token lease not releasable", e);
        }
    }

    /** Moves tokens an older version kept in the SageSecret into this item, once. */
    private Versioned migrate() {
        Optional<SageTokenSet> old = legacy.get();
        if (old.isEmpty()) {
            return Versioned.NONE;
        }
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key())
                    .updateExpression("SET token_blob = :tokens, token_version = :one, updated_at = :now")
                    .conditionExpression("attribute_not_exists(pk) OR (token_version = :zero AND "
                            + "attribute_not_exists(token_blob))")
                    .expressionAttributeValues(Map.of(":tokens",
                            AttributeValue.fromB(SdkBytes.fromByteArray(seal(old.get()))), ":one", n(1),
                            ":zero", n(0), ":now", s(clock.instant().toString()))));
            LOG.info("sage tokens moved from Secrets Manager into the table (read once, never written again)");
            return new Versioned(old.get(), 1);
        } catch (ConditionalCheckFailedException e) {
            return readStored(); // someone else moved or replaced them first
        } catch (SdkException e) {
            throw new InfrastructureException("Sage tokens not writable", e);
        }
    }

    private Versioned readStored() {
        try {
            return decode(dynamoDb.getItem(b -> b.tableName(table).key(key()).consistentRead(true)).item());
        } catch (SdkException e) {
            throw new InfrastructureException("Sage tokens not readable", e);
        }
    }

    private Versioned decode(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return Versioned.NONE;
        }
        long version = item.containsKey("token_version") ? Long.parseLong(item.get("token_version").n()) : 0;
        AttributeValue sealed = item.get("token_blob");
        if (sealed == null || sealed.b() == null) {
            return new Versioned(null, version);
        }
        byte[] json = cipher.open(sealed.b().asByteArray(), CONTEXT);
        try {
            return new Versioned(SecretsManagerLegacySageTokens.parse(new String(json, StandardCharsets.UTF_8))
                    .orElse(null), version);
        } finally {
            java.util.Arrays.fill(json, (byte) 0);
        }
    }

    private byte[] seal(SageTokenSet tokens) {
        byte[] json = SecretsManagerLegacySageTokens.serialise(tokens).getBytes(StandardCharsets.UTF_8);
        try {
            return cipher.seal(json, CONTEXT);
        } finally {
            java.util.Arrays.fill(json, (byte) 0);
        }
    }

    /**
     * Stores {@code tokens} now, under the lease (local mode and tests seeding a connection as Connect Sage would).
     *
     * @throws InfrastructureException when another holder has the lease or stored meanwhile
     */
    public void storeNow(SageTokenSet tokens) {
        Lease lease = tryLease("seed-" + clock.millis(), Duration.ofSeconds(30))
                .orElseThrow(() -> new InfrastructureException("Sage token lease is held"));
        if (!write(lease, tokens)) {
            throw new InfrastructureException("Sage tokens changed while seeding");
        }
    }

    private static Map<String, AttributeValue> key() {
        return Map.of(TableKeys.PK, s(PK), TableKeys.SK, s(SK));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
