package io.sagesync.console;

import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.dynamodb.DynamoDbConsoleSessions;
import io.sagesync.adapter.dynamodb.DynamoDbDailyTotals;
import io.sagesync.adapter.dynamodb.DynamoDbReplayGuard;
import io.sagesync.adapter.dynamodb.DynamoDbReplayableRuns;
import io.sagesync.adapter.dynamodb.DynamoDbRunGauges;
import io.sagesync.adapter.dynamodb.DynamoDbRunHistory;
import io.sagesync.adapter.dynamodb.DynamoDbSageReferenceCache;
import io.sagesync.adapter.dynamodb.DynamoDbSignInThrottle;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.http.JdkHttpClients;
import io.sagesync.adapter.magento.HttpMagentoPaymentMethods;
import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.adapter.sage.oauth.SageAppCredentials;
import io.sagesync.adapter.secrets.SecretsManagerConsoleCredentials;
import io.sagesync.adapter.secrets.SecretsManagerTenantKeyProvider;
import io.sagesync.adapter.sqs.SqsDeadLetters;
import io.sagesync.adapter.sqs.SqsSyncQueue;
import io.sagesync.admin.AdminComposition;
import io.sagesync.admin.AdminConfig;
import io.sagesync.application.GaugedRunStore;
import io.sagesync.application.ProcessSyncJob;
import io.sagesync.application.RecountRunGauges;
import io.sagesync.application.ReplaySkippedRuns;
import io.sagesync.application.console.ConnectionStatus;
import io.sagesync.application.console.ConsoleAuth;
import io.sagesync.application.console.ConsoleRuns;
import io.sagesync.application.console.ConsoleSettings;
import io.sagesync.application.console.Reconciliation;
import io.sagesync.application.module.DisconnectTenant;
import io.sagesync.application.module.EntityStatus;
import io.sagesync.application.module.MagentoCaller;
import io.sagesync.application.module.TileHealth;
import io.sagesync.config.AwsClients;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.port.ConsoleCredentials;
import io.sagesync.port.SageTokenSet;
import io.sagesync.retry.Sleeper;
import io.sagesync.security.LedgerTokenSigner;
import io.sagesync.security.MagentoWebhookVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/** Wires the console function. Lambda calls {@link #fromEnvironment()}; local mode and tests call {@link #of}. */
public record ConsoleComposition(ModuleApi moduleApi, ConsoleWeb web) {

    public static ConsoleComposition fromEnvironment() {
        var env = System.getenv();
        ConsoleConfig console = ConsoleConfig.fromEnv(env);
        AdminConfig admin = AdminConfig.fromEnv(env);
        AwsClients aws = AwsClients.fromEnvironment();
        return of(SagesyncConfig.fromEnv(env), admin, console, aws, Clock.systemUTC(), new SecureRandom(),
                new SecretsManagerConsoleCredentials(aws.secretsManager(), console.consoleSecretId()),
                AdminComposition.appCredentials(admin, aws, env));
    }

    /**
     * @param admin    Sage OAuth and pairing settings (the admin use cases the console drives)
     * @param password the console password source (ConsoleSecret in AWS; a fixed value in local mode)
     * @param sageApp  the Sage app's client credentials
     */
    public static ConsoleComposition of(SagesyncConfig config, AdminConfig admin, ConsoleConfig console,
                                        AwsClients aws, Clock clock, Random random, ConsoleCredentials password,
                                        Supplier<SageAppCredentials> sageApp) {
        HttpClient http = JdkHttpClients.create(Duration.ofSeconds(5));
        Supplier<String> ids = () -> UUID.randomUUID().toString();
        var table = config.tableName();
        var adminCases = AdminComposition.useCases(admin, aws, http, clock, random, Sleeper.threadSleep(), ids,
                sageApp);
        var keys = new SecretsManagerTenantKeyProvider(aws.secretsManager(), config.tenantSecretId(),
                config.keyCacheTtl(), clock);
        var binding = new DynamoDbBindingStore(aws.dynamoDb(), table, clock);
        var gauges = new DynamoDbRunGauges(aws.dynamoDb(), table);
        var history = new DynamoDbRunHistory(aws.dynamoDb(), table, config.tenantId());
        var moduleApi = new ModuleApi(new MagentoCaller(config.tenantId(), keys, new MagentoWebhookVerifier(clock,
                config.jwtLeeway(), new DynamoDbReplayGuard(aws.dynamoDb(), table, clock))),
                new TileHealth(binding, gauges, console.region(), clock), new EntityStatus(history),
                new DisconnectTenant(binding, adminCases.disconnect()));

        Supplier<String> shopUrl = () -> config.magentoBaseUrl().isBlank() ? keys.magentoBaseUrl()
                : config.magentoBaseUrl();
        var store = new DynamoDbSyncRunStore(aws.dynamoDb(), table, clock);
        var gauged = new GaugedRunStore(store, store, gauges);
        var syncQueue = new SqsSyncQueue(aws.sqs(), config.syncQueueUrl());
        // replay runs go through the gauged store, so the tile counts them pending at once
        var replay = new ReplaySkippedRuns(config.tenantId(), new DynamoDbReplayableRuns(aws.dynamoDb(), table),
                gauged, syncQueue, ProcessSyncJob.SUPPORTED_EVENTS, clock);
        var runs = new ConsoleRuns(config.tenantId(), history, gauged, syncQueue,
                new SqsDeadLetters(aws.sqs(), config.syncDlqUrl(), config.syncQueueUrl()), replay, clock);
        var tokens = io.sagesync.config.SageTokenStores.dynamoDb(aws, table, admin.kmsKeyId(), admin.sageSecretId(),
                clock);
        var connection = new ConnectionStatus(binding, shopUrl,
                () -> tokens.read().current().map(SageTokenSet::businessId).orElse(""));
        var signer = new LedgerTokenSigner(clock, ids);
        var settings = new ConsoleSettings(adminCases.settings(),
                new DynamoDbSageReferenceCache(aws.dynamoDb(), table),
                new HttpMagentoPaymentMethods(http, shopUrl, () -> signer.sign(keys.apiKey(), config.tenantId()),
                        Duration.ofSeconds(10)));
        var reconciliation = new Reconciliation(history, new DynamoDbDailyTotals(aws.dynamoDb(), table), clock);
        var recount = new RecountRunGauges(store, history, gauges, clock);
        var pages = new ConsolePages(new ConsolePages.Runs(runs, recount), reconciliation, connection,
                new ConsoleSettingsRoutes(settings, new SyncPolicyJson(), adminCases.pair(), adminCases.connect(),
                        connection, admin.sageAuthorizeUrl()), console.sageAppUrl());
        var auth = new ConsoleAuth(password, new DynamoDbConsoleSessions(aws.dynamoDb(), table),
                new DynamoDbSignInThrottle(aws.dynamoDb(), table), clock, random);
        return new ConsoleComposition(moduleApi, new ConsoleWeb(config.tenantId(), auth, pages,
                () -> origin(shopUrl.get())));
    }

    /** {@code https://shop.example.com/} → {@code https://shop.example.com}; blank or unparsable → blank. */
    static String origin(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
