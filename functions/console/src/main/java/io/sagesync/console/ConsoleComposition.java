package io.sagesync.console;

import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.dynamodb.DynamoDbConsoleSessions;
import io.sagesync.adapter.dynamodb.DynamoDbReplayGuard;
import io.sagesync.adapter.dynamodb.DynamoDbRunGauges;
import io.sagesync.adapter.dynamodb.DynamoDbRunHistory;
import io.sagesync.adapter.dynamodb.DynamoDbSignInThrottle;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.http.JdkHttpClients;
import io.sagesync.adapter.sage.OAuthSageRevocation;
import io.sagesync.adapter.sage.SageAppCredentials;
import io.sagesync.adapter.sage.SageOAuthClient;
import io.sagesync.adapter.sage.SageTokenSet;
import io.sagesync.adapter.secrets.SecretsManagerConsoleCredentials;
import io.sagesync.adapter.secrets.SecretsManagerSageAppCredentials;
import io.sagesync.adapter.secrets.SecretsManagerSageTokenStore;
import io.sagesync.adapter.secrets.SecretsManagerTenantKeyProvider;
import io.sagesync.adapter.sqs.SqsDeadLetters;
import io.sagesync.adapter.sqs.SqsSyncQueue;
import io.sagesync.application.GaugedRunStore;
import io.sagesync.application.console.ConnectionStatus;
import io.sagesync.application.console.ConsoleAuth;
import io.sagesync.application.console.ConsoleRuns;
import io.sagesync.application.console.Reconciliation;
import io.sagesync.application.module.DisconnectTenant;
import io.sagesync.application.module.EntityStatus;
import io.sagesync.application.module.MagentoCaller;
import io.sagesync.application.module.TileHealth;
import io.sagesync.config.AwsClients;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.port.ConsoleCredentials;
import io.sagesync.security.MagentoWebhookVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;

/** Wires the console function. Lambda calls {@link #fromEnvironment()}; local mode and tests call {@link #of}. */
public record ConsoleComposition(ModuleApi moduleApi, ConsoleWeb web) {

    public static ConsoleComposition fromEnvironment() {
        var env = System.getenv();
        SagesyncConfig config = SagesyncConfig.fromEnv(env);
        ConsoleConfig console = ConsoleConfig.fromEnv(env);
        AwsClients aws = AwsClients.fromEnvironment();
        return of(config, console, aws, Clock.systemUTC(), new SecureRandom(),
                new SecretsManagerConsoleCredentials(aws.secretsManager(), console.consoleSecretId()),
                new SecretsManagerSageAppCredentials(aws.secretsManager(), console.sageAppSecretId()));
    }

    /**
     * @param password the console password source (ConsoleSecret in AWS; a fixed value in local mode)
     * @param sageApp  the Sage app's client credentials (for revoking tokens at disconnect)
     */
    public static ConsoleComposition of(SagesyncConfig config, ConsoleConfig console, AwsClients aws, Clock clock,
                                        Random random, ConsoleCredentials password,
                                        Supplier<SageAppCredentials> sageApp) {
        HttpClient http = JdkHttpClients.create(Duration.ofSeconds(5));
        var table = config.tableName();
        var keys = new SecretsManagerTenantKeyProvider(aws.secretsManager(), config.tenantSecretId(),
                config.keyCacheTtl(), clock);
        var verifier = new MagentoWebhookVerifier(clock, config.jwtLeeway(),
                new DynamoDbReplayGuard(aws.dynamoDb(), table, clock));
        var binding = new DynamoDbBindingStore(aws.dynamoDb(), table, clock);
        var gauges = new DynamoDbRunGauges(aws.dynamoDb(), table);
        var history = new DynamoDbRunHistory(aws.dynamoDb(), table, config.tenantId());
        var store = new DynamoDbSyncRunStore(aws.dynamoDb(), table, clock);
        var tokens = new SecretsManagerSageTokenStore(aws.secretsManager(), config.sageSecretId());
        var oauth = new SageOAuthClient(http, console.sageTokenUrl(), console.sageRevokeUrl(), sageApp,
                Duration.ofSeconds(10), clock);
        var moduleApi = new ModuleApi(new MagentoCaller(config.tenantId(), keys, verifier),
                new TileHealth(binding, gauges, console.region(), clock), new EntityStatus(history),
                new DisconnectTenant(binding, new OAuthSageRevocation(tokens, oauth)));

        Supplier<String> shopUrl = () -> config.magentoBaseUrl().isBlank() ? keys.magentoBaseUrl()
                : config.magentoBaseUrl();
        var runs = new ConsoleRuns(config.tenantId(), history, new GaugedRunStore(store, store, gauges),
                new SqsSyncQueue(aws.sqs(), config.syncQueueUrl()),
                new SqsDeadLetters(aws.sqs(), config.syncDlqUrl(), config.syncQueueUrl()), clock);
        var pages = new ConsolePages(runs, new Reconciliation(history, clock),
                new ConnectionStatus(binding, shopUrl, () -> tokens.read().map(SageTokenSet::businessId).orElse("")),
                new ConsoleSettingsRoutes(console.sageAuthorizeUrl()), console.sageAppUrl());
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
