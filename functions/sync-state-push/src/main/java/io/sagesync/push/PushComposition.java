package io.sagesync.push;

import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.dynamodb.DynamoDbPushLog;
import io.sagesync.adapter.http.JdkHttpClients;
import io.sagesync.adapter.magento.HttpMagentoGateway;
import io.sagesync.adapter.secrets.SecretsManagerTenantKeyProvider;
import io.sagesync.adapter.sqs.SqsMessageDelay;
import io.sagesync.application.PushSyncState;
import io.sagesync.config.AwsClients;
import io.sagesync.config.EnvNames;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.log.Metrics;
import io.sagesync.port.MessageDelay;
import io.sagesync.retry.ExponentialBackoff;
import io.sagesync.retry.RetryPolicies;
import io.sagesync.security.LedgerTokenSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Wires the sync-state push function. Lambda calls {@link #fromEnvironment()}; local mode and tests call
 * {@link #of} with clients pointed at ElasticMQ and moto and the Magento simulator's base URL.
 *
 * @param pushSyncState the use case
 * @param messageDelay  backoff for transient failures, on the push queue
 */
public record PushComposition(PushSyncState pushSyncState, MessageDelay messageDelay) {
    static final String FUNCTION = "push";
    /** Magento answers sync-state from a single INSERT; 10 s is generous and stays well inside the 30 s timeout. */
    static final Duration MAGENTO_TIMEOUT = Duration.ofSeconds(10);

    public static PushComposition fromEnvironment() {
        SagesyncConfig config = SagesyncConfig.fromEnv(System.getenv())
                .require(EnvNames.TENANT_SECRET_ID, EnvNames.PUSH_QUEUE_URL);
        return of(config, AwsClients.fromEnvironment(), Clock.systemUTC(), config.magentoBaseUrl());
    }

    public static PushComposition of(SagesyncConfig config, AwsClients aws, Clock clock, String magentoBaseUrl) {
        return of(config, aws, clock, magentoBaseUrl, RetryPolicies.SYNC_STATE_PUSH);
    }

    /** With another redelivery backoff (local chaos runs use seconds instead of minutes). */
    public static PushComposition of(SagesyncConfig config, AwsClients aws, Clock clock, String magentoBaseUrl,
                                     ExponentialBackoff backoff) {
        var keys = new SecretsManagerTenantKeyProvider(aws.secretsManager(), config.tenantSecretId(),
                config.keyCacheTtl(), clock);
        var signer = new LedgerTokenSigner(clock, () -> UUID.randomUUID().toString());
        // a fresh token (new jti) per request: the gateway calls this supplier for every call, retries included
        // the given URL when set, otherwise the shop URL pairing stored beside the api_key
        java.util.function.Supplier<String> shop = magentoBaseUrl == null || magentoBaseUrl.isBlank()
                ? keys::magentoBaseUrl : () -> magentoBaseUrl;
        var magento = new HttpMagentoGateway(JdkHttpClients.create(Duration.ofSeconds(5)), shop,
                () -> signer.sign(keys.apiKey(), config.tenantId()), MAGENTO_TIMEOUT,
                // re-paired meanwhile? one retry with the new key before a 401 counts as token_revoked
                () -> keys.reloadIfChanged().isPresent());
        var push = new PushSyncState(config.tenantId(), magento,
                new DynamoDbPushLog(aws.dynamoDb(), config.tableName()),
                new DynamoDbBindingStore(aws.dynamoDb(), config.tableName(), clock),
                Metrics.toStdout(config.tenantId(), FUNCTION, clock), backoff, clock);
        return new PushComposition(push, new SqsMessageDelay(aws.sqs(), config.pushQueueUrl()));
    }
}
