package io.sagesync.adapter.dynamodb;

import io.sagesync.port.InfrastructureException;
import io.sagesync.port.RefreshLease;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The refresh lease as one item ({@code pk = LEASE#<name>}, {@code sk = LEASE}) taken with a conditional put:
 * free when absent or when its {@code until} (epoch millis) has passed, so a crashed holder blocks others for at
 * most the lease duration. Released by zeroing {@code until} under the owner's condition (an UpdateItem, so the
 * functions need no DeleteItem permission). Relies on roughly synchronised clocks (Lambda hosts use NTP); the
 * 30 s lease dwarfs any plausible skew.
 */
public final class DynamoDbRefreshLease implements RefreshLease {
    static final String LEASE_PREFIX = "LEASE#";
    static final String LEASE_SK = "LEASE";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String pk;
    private final Clock clock;

    /** @param name what the lease guards, e.g. {@code sage-refresh} */
    public DynamoDbRefreshLease(DynamoDbClient dynamoDb, String table, String name, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
        this.pk = LEASE_PREFIX + Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean tryAcquire(String owner, Duration duration) {
        long now = clock.millis();
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(Map.of(TableKeys.PK, s(pk), TableKeys.SK, s(LEASE_SK), "owner", s(owner),
                            "until", n(now + duration.toMillis())))
                    .conditionExpression("attribute_not_exists(#pk) OR #until < :now")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#until", "until"))
                    .expressionAttributeValues(Map.of(":now", n(now))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new InfrastructureException("refresh lease not writable", e);
        }
    }

    @Override
    public void release(String owner) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of(TableKeys.PK, s(pk), TableKeys.SK, s(LEASE_SK)))
                    .updateExpression("SET #until = :zero")
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#until", "until", "#owner", "owner"))
                    .expressionAttributeValues(Map.of(":zero", n(0), ":owner", s(owner))));
        } catch (ConditionalCheckFailedException e) {
            // our lease ran out and someone else holds it now: nothing of ours to release
        } catch (SdkException e) {
            // the lease expires on its own; losing the release only delays the next refresh by its duration
            throw new InfrastructureException("refresh lease not releasable", e);
        }
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
