package io.sagesync.admin;

import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.dynamodb.DynamoDbOAuthStateStore;
import io.sagesync.adapter.dynamodb.DynamoDbRefreshLease;
import io.sagesync.adapter.dynamodb.DynamoDbSageReferenceCache;
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
import io.sagesync.adapter.secrets.SecretsManagerSageTokenStore;
import io.sagesync.adapter.secrets.SecretsManagerTenantKeyVault;
import io.sagesync.application.admin.ConnectSage;
import io.sagesync.application.admin.DisconnectSage;
import io.sagesync.application.admin.KeepSageAlive;
import io.sagesync.application.admin.PairMagento;
import io.sagesync.application.admin.RefreshSageReference;
import io.sagesync.application.admin.SyncSettings;
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
        return new AdminActions(useCases(config, aws, http, clock, random, sleeper, ids, app));
    }

    /** The admin use cases wired to their adapters; the console function shares them (same stack, same table). */
    public static AdminActions.UseCases useCases(AdminConfig config, AwsClients aws, HttpClient http, Clock clock,
                                                 Random random, Sleeper sleeper, Supplier<String> ids,
                                                 Supplier<SageAppCredentials> app) {
        var binding = new DynamoDbBindingStore(aws.dynamoDb(), config.tableName(), clock);
        var oauth = new SageOAuthClient(http, config.sageTokenUrl(), config.sageRevokeUrl(), app,
                Duration.ofSeconds(10), clock);
        var tokenStore = new SecretsManagerSageTokenStore(aws.secretsManager(), config.sageSecretId());
        var custodian = new SageTokenCustodian(tokenStore,
                new DynamoDbRefreshLease(aws.dynamoDb(), config.tableName(), SAGE_REFRESH_LEASE, clock),
                oauth, binding, clock, sleeper, random, ids);
        var referenceCache = new DynamoDbSageReferenceCache(aws.dynamoDb(), config.tableName());
        var accounts = new HttpSageAccounts(config.sageBaseUrl(), http,
                businessId -> new SageHttpClient(new SageClientConfig(config.sageBaseUrl(), businessId,
                        Duration.ofSeconds(5), Duration.ofSeconds(20), InProcessRetry.defaults()),
                        custodian::accessToken, http, clock, sleeper, random), clock);
        var authorization = new SageOAuthAuthorization(oauth, app, config.sageAuthorizeUrl(),
                config.sageRedirectUri());
        var reference = new RefreshSageReference(custodian, accounts, referenceCache);
        var pairing = new PairMagento(new SecretsManagerTenantKeyVault(aws.secretsManager(), config.tenantSecretId()),
                new HttpMagentoPairingClient(http, new LedgerTokenSigner(clock, ids), config.tenantId(),
                        Duration.ofSeconds(15)), binding, config.ledgerBaseUrl(), random, ids);
        return new AdminActions.UseCases(pairing,
                new ConnectSage(authorization, new DynamoDbOAuthStateStore(aws.dynamoDb(), config.tableName(), clock),
                        accounts, tokenStore, custodian, binding, reference, random),
                new DisconnectSage(authorization, tokenStore, custodian, binding),
                new KeepSageAlive(tokenStore, custodian, binding, referenceCache, reference, clock),
                reference,
                new SyncSettings(binding, referenceCache, new SyncPolicyJson()));
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
