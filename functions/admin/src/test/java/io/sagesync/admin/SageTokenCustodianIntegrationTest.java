package io.sagesync.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.http.JdkHttpClients;
import io.sagesync.adapter.sage.oauth.SageAppCredentials;
import io.sagesync.adapter.sage.oauth.SageOAuthClient;
import io.sagesync.adapter.sage.oauth.SageTokenCustodian;
import io.sagesync.config.SageTokenStores;
import io.sagesync.config.AwsClients;
import io.sagesync.domain.BindingState;
import io.sagesync.port.SageReauthRequiredException;
import io.sagesync.port.SageTokenSet;
import io.sagesync.retry.Sleeper;
import io.sagesync.simulator.sage.SageSimulator;
import io.sagesync.simulator.sage.SageTokens;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Token custody against the Sage simulator's real rotation rules, on the DynamoDB + KMS emulators. */
@ExtendWith(LocalAwsExtension.class)
class SageTokenCustodianIntegrationTest {
    static final SageAppCredentials APP = new SageAppCredentials("client-id", "client-secret");
    static final Map<String, AttributeValue> TOKEN_KEY = Map.of("pk", AttributeValue.fromS("SAGE_TOKENS"),
            "sk", AttributeValue.fromS("TOKENS"));
    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = JdkHttpClients.create(Duration.ofSeconds(5));
    private SageSimulator sage;
    private LocalAws aws;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        aws.reset();
        sage = SageSimulator.start();
    }

    @AfterEach
    void tearDown() {
        sage.close();
    }

    /** One "Lambda execution environment": its own custodian and SDK clients, sharing only AWS and Sage. */
    private SageTokenCustodian custodian() {
        AwsClients clients = aws.clients();
        var binding = new DynamoDbBindingStore(clients.dynamoDb(), aws.tableName(), clock);
        var oauth = new SageOAuthClient(http, sage.tokenUrl(), sage.revokeUrl(), () -> APP,
                Duration.ofSeconds(10), clock);
        return new SageTokenCustodian(SageTokenStores.dynamoDb(clients, aws.tableName(), aws.kmsKeyId(), "SageSecret",
                clock), oauth, binding, clock, Sleeper.threadSleep(), new Random(), () -> UUID.randomUUID().toString());
    }

    /** Stores a pair whose access token expires within the refresh margin, so every caller wants a refresh. */
    private SageTokens storeAboutToExpire(String refreshToken) {
        SageTokens issued = sage.issueTokens();
        aws.sageTokens().storeNow(new SageTokenSet(
                issued.accessToken(), refreshToken == null ? issued.refreshToken() : refreshToken,
                clock.instant().plusSeconds(10), clock.instant().plus(Duration.ofDays(30)),
                SageSimulator.LEAD_BUSINESS_ID));
        return issued;
    }

    private SageTokenSet stored() {
        return aws.sageTokens().read().current().orElseThrow();
    }

    private int businessesStatus(String accessToken) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sage.baseUrl() + "/businesses"))
                .header("Authorization", "Bearer " + accessToken).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void twentyConcurrentCallersAtExpiry_refreshExactlyOnce_andAllGetTheNewValidToken() throws Exception {
        SageTokens old = storeAboutToExpire(null);
        List<SageTokenCustodian> environments = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            environments.add(custodian());
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (SageTokenCustodian c : environments) {
                Callable<String> call = () -> {
                    go.await();
                    return c.accessToken();
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : results) {
                tokens.add(f.get());
            }

            assertThat(sage.refreshCount()).isEqualTo(1);
            assertThat(sage.invalidGrantCount()).isZero();
            assertThat(tokens).hasSize(20).containsOnly(stored().accessToken());
            assertThat(stored().accessToken()).isNotEqualTo(old.accessToken());
            assertThat(stored().refreshToken()).isNotEqualTo(old.refreshToken());
            assertThat(stored().businessId()).isEqualTo(SageSimulator.LEAD_BUSINESS_ID);
            assertThat(businessesStatus(tokens.get(0))).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void staleLeaseOfACrashedHolder_isTakenOver_andTheRefreshSucceeds() throws Exception {
        storeAboutToExpire(null);
        aws.adminClients().dynamoDb().updateItem(b -> b.tableName(aws.tableName()).key(TOKEN_KEY)
                .updateExpression("SET lease_owner = :o, lease_until = :u")
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("crashed-holder"),
                        ":u", AttributeValue.fromN(Long.toString(clock.millis() - 1_000)))));

        String token = custodian().accessToken();

        assertThat(sage.refreshCount()).isEqualTo(1);
        assertThat(sage.invalidGrantCount()).isZero();
        assertThat(token).isEqualTo(stored().accessToken());
        assertThat(businessesStatus(token)).isEqualTo(200);
        var lease = aws.adminClients().dynamoDb().getItem(b -> b.tableName(aws.tableName()).key(TOKEN_KEY)).item();
        assertThat(lease.get("lease_owner").s()).isNotEqualTo("crashed-holder");
        assertThat(Long.parseLong(lease.get("lease_until").n())).as("released by the write").isZero();
        assertThat(lease.get("token_version").n()).isEqualTo("2");
    }

    @Test
    void liveLeaseOfAnotherHolder_makesTheCallerWait_andPickUpTheHoldersToken() throws Exception {
        storeAboutToExpire(null);
        var holder = aws.sageTokens();
        var lease = holder.tryLease("other-lambda", Duration.ofSeconds(30)).orElseThrow();
        SageTokens renewed = sage.issueTokens(); // what the other holder got from Sage
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                return;
            }
            holder.write(lease, new SageTokenSet(renewed.accessToken(), renewed.refreshToken(),
                    clock.instant().plusSeconds(300), clock.instant().plus(Duration.ofDays(31)),
                    SageSimulator.LEAD_BUSINESS_ID));
        });
        writer.start();

        String token = custodian().accessToken();
        writer.join();

        assertThat(token).isEqualTo(renewed.accessToken());
        assertThat(sage.refreshCount()).as("the waiter never spends the refresh token itself").isZero();
    }

    @Test
    void invalidGrant_flagsNeedsReauth_withExactlyOneRefreshAttempt_andNoRetryLoop() {
        storeAboutToExpire("refresh-token-that-sage-no-longer-knows");
        SageTokenCustodian custodian = custodian();

        assertThatThrownBy(custodian::accessToken).isInstanceOf(SageReauthRequiredException.class)
                .hasMessageContaining("reconnect Sage in the admin");
        assertThatThrownBy(custodian::accessToken).isInstanceOf(SageReauthRequiredException.class);
        assertThatThrownBy(() -> custodian().accessToken()).isInstanceOf(SageReauthRequiredException.class);

        assertThat(sage.refreshCount()).isEqualTo(1);
        assertThat(sage.invalidGrantCount()).isEqualTo(1);
        BindingState state = new DynamoDbBindingStore(aws.adminClients().dynamoDb(), aws.tableName(), clock).state();
        assertThat(state.sageConnection()).isEqualTo(BindingState.NEEDS_REAUTH);
        assertThat(state.reason()).contains("reconnect Sage in the admin");
    }

    @Test
    void notConnected_failsWithReconnectMessage_withoutCallingSage() {
        assertThatThrownBy(() -> custodian().accessToken()).isInstanceOf(SageReauthRequiredException.class)
                .hasMessageContaining("connect Sage in the admin");
        assertThat(sage.refreshCount()).isZero();
    }

    @Test
    void freshToken_isServedWithoutRefreshing() {
        SageTokens issued = sage.issueTokens();
        aws.sageTokens().storeNow(new SageTokenSet(
                issued.accessToken(), issued.refreshToken(), clock.instant().plusSeconds(290),
                clock.instant().plus(Duration.ofDays(31)), SageSimulator.LEAD_BUSINESS_ID));
        assertThat(custodian().accessToken()).isEqualTo(issued.accessToken());
        assertThat(sage.refreshCount()).isZero();
    }

    @Test
    void keepAlive_renewsARefreshTokenNearingItsEnd_andLeavesAYoungOneAlone() {
        SageTokens issued = sage.issueTokens();
        var store = aws.sageTokens();
        store.storeNow(new SageTokenSet(issued.accessToken(), issued.refreshToken(), clock.instant().plusSeconds(290),
                clock.instant().plus(Duration.ofDays(20)), SageSimulator.LEAD_BUSINESS_ID));

        assertThat(custodian().keepAlive(Duration.ofDays(24))).isTrue();
        assertThat(sage.refreshCount()).isEqualTo(1);
        Instant renewedUntil = store.read().current().orElseThrow().refreshExpiresAt();
        assertThat(renewedUntil).isAfter(clock.instant().plus(Duration.ofDays(30)));

        assertThat(custodian().keepAlive(Duration.ofDays(24))).isFalse();
        assertThat(sage.refreshCount()).isEqualTo(1);
    }
}
