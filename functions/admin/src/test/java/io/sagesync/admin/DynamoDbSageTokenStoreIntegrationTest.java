package io.sagesync.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.dynamodb.DynamoDbSageTokenStore;
import io.sagesync.adapter.secrets.SecretsManagerLegacySageTokens;
import io.sagesync.config.SageTokenStores;
import io.sagesync.port.SageTokenSet;
import io.sagesync.port.SageTokenStore;
import io.sagesync.simulator.sage.AdjustableClock;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Sage token item on the DynamoDB and KMS emulators (issue 9 item 5): KMS-encrypted at rest, versioned, written
 * only by the lease holder on the version it read, and moved once out of the SageSecret an older version wrote.
 */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbSageTokenStoreIntegrationTest {
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("SAGE_TOKENS"),
            "sk", AttributeValue.fromS("TOKENS"));
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private LocalAws aws;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        aws.reset();
        aws.adminClients().secretsManager().putSecretValue(b -> b.secretId("SageSecret").secretString("{}"));
    }

    /** One execution environment's view of the store (own SDK clients, shared emulators). */
    private DynamoDbSageTokenStore store() {
        return SageTokenStores.dynamoDb(aws.clients(), aws.tableName(), aws.kmsKeyId(), "SageSecret", clock);
    }

    private SageTokenSet tokens(String tag) {
        return new SageTokenSet("access-" + tag + "-Zq8", "refresh-" + tag + "-Xk2", clock.instant().plusSeconds(300),
                clock.instant().plus(Duration.ofDays(31)), "business-1");
    }

    private Map<String, AttributeValue> rawItem() {
        return aws.adminClients().dynamoDb().getItem(b -> b.tableName(aws.tableName()).key(KEY)
                .consistentRead(true)).item();
    }

    @Test
    void theTokensAreStoredAsKmsCiphertext_neverInTheClear_andReadBackUnderTheirVersion() {
        SageTokenSet stored = tokens("a");
        store().storeNow(stored);

        Map<String, AttributeValue> item = rawItem();
        byte[] blob = item.get("token_blob").b().asByteArray();
        String raw = new String(blob, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(stored.accessToken(), stored.refreshToken(), "access_token", "business-1");
        assertThat(item.toString()).doesNotContain(stored.accessToken(), stored.refreshToken());
        assertThat(item.get("token_version").n()).isEqualTo("1");
        // the data key is KMS-wrapped: KMS itself decrypts it, but only with the record's encryption context
        int wrappedLength = ((blob[1] & 0xff) << 8) | (blob[2] & 0xff);
        byte[] wrapped = java.util.Arrays.copyOfRange(blob, 3, 3 + wrappedLength);
        assertThat(aws.adminClients().kms().decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                .encryptionContext(Map.of("sagesync_record", "SAGE_TOKENS"))).plaintext().asByteArray())
                .hasSize(32);

        SageTokenStore.Versioned read = store().read();
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.tokens()).isEqualTo(stored);
    }

    @Test
    void aHolderWhoseLeaseRanOutAndWasTakenOver_cannotOverwriteTheNewerPair() {
        store().storeNow(tokens("v1"));
        var stalled = store().tryLease("stalled", Duration.ofSeconds(30)).orElseThrow();
        assertThat(store().tryLease("waiter", Duration.ofSeconds(30))).as("a live lease excludes").isEmpty();

        clock.advance(Duration.ofSeconds(31));
        var next = store().tryLease("next", Duration.ofSeconds(30)).orElseThrow();
        assertThat(next.tookOver()).isTrue();
        assertThat(next.seen().version()).isEqualTo(1);

        assertThat(store().write(stalled, tokens("stale"))).as("the stale holder's write").isFalse();
        assertThat(store().write(next, tokens("v2"))).isTrue();
        assertThat(store().write(stalled, tokens("stale"))).as("also once the lease is released").isFalse();

        SageTokenStore.Versioned now = store().read();
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.tokens()).isEqualTo(tokens("v2"));
        assertThat(rawItem().get("lease_until").n()).as("the write released the lease").isEqualTo("0");
    }

    @Test
    void aWriteOnAVersionThatMoved_isRefused_evenForTheLeaseOwner() {
        store().storeNow(tokens("v1"));
        var first = store().tryLease("first", Duration.ofSeconds(30)).orElseThrow();
        store().release(first);
        var second = store().tryLease("second", Duration.ofSeconds(30)).orElseThrow();
        assertThat(store().write(second, tokens("v2"))).isTrue();
        // "first" takes the lease again under the same owner id but with its old snapshot
        var again = store().tryLease("first", Duration.ofSeconds(30)).orElseThrow();
        var outdated = new SageTokenStore.Lease("first", again.until(), first.seen(), false);

        assertThat(store().write(outdated, tokens("old"))).isFalse();
        assertThat(store().read().tokens()).isEqualTo(tokens("v2"));
    }

    @Test
    void aHolderWhoseLeaseRanOutUntaken_stillStoresTheOnlyValidPair() {
        store().storeNow(tokens("v1"));
        var slow = store().tryLease("slow", Duration.ofSeconds(30)).orElseThrow();
        clock.advance(Duration.ofSeconds(45));

        assertThat(store().write(slow, tokens("v2"))).isTrue();
        assertThat(store().read().version()).isEqualTo(2);
    }

    @Test
    void tokensAnOlderVersionKeptInSecretsManager_areMovedOnce_andTheSecretIsNeverWrittenOrReadAgain() {
        SageTokenSet legacy = tokens("legacy");
        aws.adminClients().secretsManager().putSecretValue(b -> b.secretId("SageSecret")
                .secretString(SecretsManagerLegacySageTokens.serialise(legacy)));
        int versionsBefore = secretVersions();

        SageTokenStore.Versioned moved = store().read();
        assertThat(moved.tokens()).isEqualTo(legacy);
        assertThat(moved.version()).isEqualTo(1);
        assertThat(rawItem().get("token_blob").b()).isNotNull();

        // a later change to the secret is ignored: the item is the truth now
        aws.adminClients().secretsManager().putSecretValue(b -> b.secretId("SageSecret").secretString("{}"));
        assertThat(store().read().tokens()).isEqualTo(legacy);
        var lease = store().tryLease("disconnect", Duration.ofSeconds(30)).orElseThrow();
        assertThat(store().write(lease, null)).isTrue();
        assertThat(store().read().current()).as("cleared stays cleared").isEmpty();
        assertThat(secretVersions()).as("only the test's own put").isEqualTo(versionsBefore + 1);
    }

    @Test
    void aDisconnectBeforeMigration_seesTheLegacyTokensUnderTheLease() {
        SageTokenSet legacy = tokens("legacy");
        aws.adminClients().secretsManager().putSecretValue(b -> b.secretId("SageSecret")
                .secretString(SecretsManagerLegacySageTokens.serialise(legacy)));

        var lease = store().tryLease("disconnect", Duration.ofSeconds(30)).orElseThrow();

        assertThat(lease.seen().tokens()).isEqualTo(legacy);
        assertThat(lease.seen().version()).isZero();
        assertThat(store().write(lease, null)).isTrue();
        assertThat(store().read().current()).isEmpty();
    }

    private int secretVersions() {
        return aws.adminClients().secretsManager().listSecretVersionIds(b -> b.secretId("SageSecret")
                .includeDeprecated(true)).versions().size();
    }
}
