package io.sagesync.admin;

import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.dynamodb.DynamoDbRefreshLease;
import io.sagesync.adapter.http.JdkHttpClients;
import io.sagesync.adapter.sage.SageAppCredentials;
import io.sagesync.adapter.sage.SageClientConfig;
import io.sagesync.adapter.sage.SageHttpClient;
import io.sagesync.adapter.sage.SageOAuthClient;
import io.sagesync.adapter.sage.SageTokenCustodian;
import io.sagesync.adapter.secrets.SecretsManagerSageAppCredentials;
import io.sagesync.adapter.secrets.SecretsManagerSageTokenStore;
import io.sagesync.config.AwsClients;
import io.sagesync.config.EnvNames;
import io.sagesync.retry.InProcessRetry;
import io.sagesync.retry.Sleeper;
import io.sagesync.security.LedgerTokenSigner;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/** Wires the admin function. Lambda uses {@link #fromEnvironment()}; tests pass emulator clients and simulators. */
public final class AdminComposition {
    /** The DynamoDB lease name the sync worker's custodian must share: {@code LEASE#sage-refresh}. */
    public static final String SAGE_REFRESH_LEASE = "sage-refresh";

    private AdminComposition() {
    }

    public static AdminActions fromEnvironment() {
        Map<String, String> env = System.getenv();
        AwsClients aws = AwsClients.fromEnvironment();
        AdminConfig config = AdminConfig.fromEnv(env);
        return of(config, aws, JdkHttpClients.create(Duration.ofSeconds(5)), Clock.systemUTC(), new SecureRandom(),
                Sleeper.threadSleep(), () -> UUID.randomUUID().toString(), appCredentials(config, aws, env));
    }

    /**
     * @param random source of api keys, OAuth states and PKCE verifiers: a {@link SecureRandom} in production
     * @param ids    unique ids (lease owners, JWT ids, secret version ids)
     */
    public static AdminActions of(AdminConfig config, AwsClients aws, HttpClient http, Clock clock, Random random,
                                  Sleeper sleeper, Supplier<String> ids, Supplier<SageAppCredentials> app) {
        var binding = new DynamoDbBindingStore(aws.dynamoDb(), config.tableName(), clock);
        var oauth = new SageOAuthClient(http, config.sageTokenUrl(), config.sageRevokeUrl(), app,
                Duration.ofSeconds(10), clock);
        var tokenStore = new SecretsManagerSageTokenStore(aws.secretsManager(), config.sageSecretId());
        var custodian = new SageTokenCustodian(tokenStore,
                new DynamoDbRefreshLease(aws.dynamoDb(), config.tableName(), SAGE_REFRESH_LEASE, clock),
                oauth, binding, clock, sleeper, random, ids);
        var references = new DynamoDbReferenceCache(aws.dynamoDb(), config.tableName());
        var sage = new SageConnection(config, app, oauth,
                new DynamoDbOAuthStateStore(aws.dynamoDb(), config.tableName(), clock), tokenStore, custodian,
                binding, references,
                businessId -> new SageHttpClient(new SageClientConfig(config.sageBaseUrl(), businessId,
                        Duration.ofSeconds(5), Duration.ofSeconds(20), InProcessRetry.defaults()),
                        custodian::accessToken, http, clock, sleeper, random),
                http, clock, random);
        var pairing = new MagentoPairing(http, new SecretsManagerTenantKeyVault(aws.secretsManager(),
                config.tenantSecretId()), new LedgerTokenSigner(clock, ids), config.tenantId(),
                config.ledgerBaseUrl(), random, ids, Duration.ofSeconds(15));
        return new AdminActions(pairing, sage, new SyncSettings(binding, references));
    }

    /** Reads the Sage app credentials lazily (once): from SageAppSecret, or from variables in local mode. */
    static Supplier<SageAppCredentials> appCredentials(AdminConfig config, AwsClients aws, Map<String, String> env) {
        if (config.sageAppSecretId().isBlank()) {
            SageAppCredentials fixed = new SageAppCredentials(env.getOrDefault(EnvNames.SAGE_CLIENT_ID, ""),
                    env.getOrDefault(EnvNames.SAGE_CLIENT_SECRET, ""));
            return () -> fixed;
        }
        return new SecretsManagerSageAppCredentials(aws.secretsManager(), config.sageAppSecretId());
    }
}
