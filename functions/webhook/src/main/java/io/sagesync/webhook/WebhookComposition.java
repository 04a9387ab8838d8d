package io.sagesync.webhook;

import io.sagesync.adapter.dynamodb.DynamoDbReplayGuard;
import io.sagesync.adapter.dynamodb.DynamoDbRunGauges;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.json.JacksonWebhookBodyParser;
import io.sagesync.adapter.secrets.SecretsManagerTenantKeyProvider;
import io.sagesync.adapter.sqs.SqsSyncQueue;
import io.sagesync.application.AcceptWebhook;
import io.sagesync.application.GaugedRunStore;
import io.sagesync.config.AwsClients;
import io.sagesync.config.EnvNames;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.security.MagentoWebhookVerifier;
import java.time.Clock;
import java.util.UUID;

/**
 * Wires the webhook function from configuration and SDK clients. Local mode and tests call {@link #of} with clients
 * pointed at ElasticMQ and moto; Lambda calls {@link #fromEnvironment()}.
 */
public record WebhookComposition(AcceptWebhook acceptWebhook) {

    public static WebhookComposition fromEnvironment() {
        SagesyncConfig config = SagesyncConfig.fromEnv(System.getenv())
                .require(EnvNames.TENANT_SECRET_ID, EnvNames.SYNC_QUEUE_URL);
        return of(config, AwsClients.fromEnvironment(), Clock.systemUTC());
    }

    public static WebhookComposition of(SagesyncConfig config, AwsClients aws, Clock clock) {
        var keys = new SecretsManagerTenantKeyProvider(aws.secretsManager(), config.tenantSecretId(),
                config.keyCacheTtl(), clock);
        var verifier = new MagentoWebhookVerifier(clock, config.jwtLeeway(),
                new DynamoDbReplayGuard(aws.dynamoDb(), config.tableName(), clock));
        var store = new DynamoDbSyncRunStore(aws.dynamoDb(), config.tableName(), clock);
        // the tile's pending count follows every accepted run
        var runs = new GaugedRunStore(store, store, new DynamoDbRunGauges(aws.dynamoDb(), config.tableName()));
        var queue = new SqsSyncQueue(aws.sqs(), config.syncQueueUrl());
        return new WebhookComposition(new AcceptWebhook(config.tenantId(), keys, verifier,
                new JacksonWebhookBodyParser(), runs, queue, clock, () -> UUID.randomUUID().toString()));
    }
}
