package io.sagesync.admin;

import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.dynamodb.DynamoDbOAuthStateStore;
import io.sagesync.adapter.dynamodb.DynamoDbReplayableRuns;
import io.sagesync.adapter.dynamodb.DynamoDbSageReferenceCache;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.http.JdkHttpClients;
import io.sagesync.adapter.magento.HttpMagentoPairingClient;
import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.adapter.sage.api.HttpSageAccounts;
import io.sagesync.adapter.sage.api.SageClientConfig;
import io.sagesync.adapter.sage.api.SageHttpClient;
import io.sagesync.adapter.sage.oauth.SageAppCredentials;
import io.sagesync.adapter.sage.oauth.SageOAuthAuthorization;
import io.sagesync.adapter.sage.oauth.SageOAuthClient;
import io.sagesync.adapter.sage.oauth.SageTokenCustodian;
import io.sagesync.adapter.secrets.SecretsManagerSageAppCredentials;
import io.sagesync.adapter.secrets.SecretsManagerTenantKeyVault;
import io.sagesync.adapter.sqs.SqsSyncQueue;
import io.sagesync.application.ProcessSyncJob;
import io.sagesync.application.ReplaySkippedRuns;
import io.sagesync.application.admin.ConnectSage;
import io.sagesync.application.admin.DisconnectSage;
import io.sagesync.application.admin.KeepSageAlive;
import io.sagesync.application.admin.PairMagento;
import io.sagesync.application.admin.RefreshSageReference;
import io.sagesync.application.admin.SyncSettings;
import io.sagesync.config.AwsClients;
import io.sagesync.config.EnvNames;
import io.sagesync.config.SageTokenStores;
import io.sagesync.port.CallBudget;
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
    private AdminComposition() {
    }

    public static AdminActions fromEnvironment() {
        return fromEnvironment(CallBudget.UNBOUNDED);
    }

    /** @param budget the invocation's remaining time (the handler starts it per invocation); bounds Sage calls */
    public static AdminActions fromEnvironment(CallBudget budget) {
        Map<String, String> env = System.getenv();
        AwsClients aws = AwsClients.fromEnvironment();
        AdminConfig config = AdminConfig.fromEnv(env);
        return new AdminActions(useCases(config, aws, JdkHttpClients.create(Duration.ofSeconds(5)),
                Clock.systemUTC(), new SecureRandom(), Sleeper.threadSleep(), () -> UUID.randomUUID().toString(),
                appCredentials(config, aws, env), budget));
    }

    /**
     * @param random source of api keys, OAuth states and PKCE verifiers: a {@link SecureRandom} in production
     * @param ids    unique ids (lease owners, JWT ids, secret version ids)
     */
    public static AdminActions of(AdminConfig config, AwsClients aws, HttpClient http, Clock clock, Random random,
                                  Sleeper sleeper, Supplier<String> ids, Supplier<SageAppCredentials> app) {
        return new AdminActions(useCases(config, aws, http, clock, random, sleeper, ids, app));
    }

    /** The admin use cases wired to their adapters; the console function shares them (same stack, same table). */
    public static AdminActions.UseCases useCases(AdminConfig config, AwsClients aws, HttpClient http, Clock clock,
                                                 Random random, Sleeper sleeper, Supplier<String> ids,
                                                 Supplier<SageAppCredentials> app) {
        return useCases(config, aws, http, clock, random, sleeper, ids, app, CallBudget.UNBOUNDED);
    }

    /** As above, every Sage and OAuth call bounded by {@code budget} (what is left of the invocation). */
    public static AdminActions.UseCases useCases(AdminConfig config, AwsClients aws, HttpClient http, Clock clock,
                                                 Random random, Sleeper sleeper, Supplier<String> ids,
                                                 Supplier<SageAppCredentials> app, CallBudget budget) {
        var binding = new DynamoDbBindingStore(aws.dynamoDb(), config.tableName(), clock);
        var oauth = new SageOAuthClient(http, config.sageTokenUrl(), config.sageRevokeUrl(), app,
                Duration.ofSeconds(10), clock, budget);
        // the same token item and lease as the sync worker's custodian (docs/sage-connection.md)
        var tokenStore = SageTokenStores.dynamoDb(aws, config.tableName(), config.kmsKeyId(), config.sageSecretId(),
                clock);
        var custodian = new SageTokenCustodian(tokenStore, oauth, binding, clock, sleeper, random, ids);
        var referenceCache = new DynamoDbSageReferenceCache(aws.dynamoDb(), config.tableName());
        var accounts = new HttpSageAccounts(config.sageBaseUrl(), http,
                businessId -> new SageHttpClient(new SageClientConfig(config.sageBaseUrl(), businessId,
                        Duration.ofSeconds(5), Duration.ofSeconds(20), InProcessRetry.defaults()),
                        custodian::accessToken, http, clock, sleeper, random, budget), clock);
        var authorization = new SageOAuthAuthorization(oauth, app, config.sageAuthorizeUrl(),
                config.sageRedirectUri());
        var reference = new RefreshSageReference(custodian, accounts, referenceCache);
        var pairing = new PairMagento(new SecretsManagerTenantKeyVault(aws.secretsManager(), config.tenantSecretId(),
                clock),
                new HttpMagentoPairingClient(http, new LedgerTokenSigner(clock, ids), config.tenantId(),
                        Duration.ofSeconds(15)), binding, config.ledgerBaseUrl(), random, ids);
        return new AdminActions.UseCases(pairing,
                new ConnectSage(authorization, new DynamoDbOAuthStateStore(aws.dynamoDb(), config.tableName(), clock),
                        accounts, custodian, binding, reference, random),
                new DisconnectSage(authorization, custodian, binding),
                new KeepSageAlive(custodian, binding, referenceCache, reference, clock),
                reference,
                new SyncSettings(binding, referenceCache, new SyncPolicyJson()),
                config.syncQueueUrl().isBlank() ? null : replay(config, aws, clock));
    }

    /** The operator's replay of skipped runs onto the tenant's sync queue. */
    private static ReplaySkippedRuns replay(AdminConfig config, AwsClients aws, Clock clock) {
        return new ReplaySkippedRuns(config.tenantId(),
                new DynamoDbReplayableRuns(aws.dynamoDb(), config.tableName()),
                new DynamoDbSyncRunStore(aws.dynamoDb(), config.tableName(), clock),
                new SqsSyncQueue(aws.sqs(), config.syncQueueUrl()),
                ProcessSyncJob.SUPPORTED_EVENTS, clock);
    }

    /** Reads the Sage app credentials lazily (once): from SageAppSecret, or from variables in local mode. */
    public static Supplier<SageAppCredentials> appCredentials(AdminConfig config, AwsClients aws, Map<String, String> env) {
        if (config.sageAppSecretId().isBlank()) {
            SageAppCredentials fixed = new SageAppCredentials(env.getOrDefault(EnvNames.SAGE_CLIENT_ID, ""),
                    env.getOrDefault(EnvNames.SAGE_CLIENT_SECRET, ""));
            return () -> fixed;
        }
        return new SecretsManagerSageAppCredentials(aws.secretsManager(), config.sageAppSecretId());
    }
}
