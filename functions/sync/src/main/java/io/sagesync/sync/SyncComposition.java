package io.sagesync.sync;

import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.dynamodb.DynamoDbXrefStore;
import io.sagesync.adapter.http.JdkHttpClients;
import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.adapter.magento.HttpMagentoGateway;
import io.sagesync.adapter.sage.HttpSageGateway;
import io.sagesync.adapter.sage.RetryPolicy;
import io.sagesync.adapter.sage.SageClientConfig;
import io.sagesync.adapter.sage.SageHttpClient;
import io.sagesync.adapter.sage.SageJson;
import io.sagesync.adapter.sage.Sleeper;
import io.sagesync.adapter.secrets.SecretsManagerTenantKeyProvider;
import io.sagesync.adapter.sqs.SqsPushQueue;
import io.sagesync.adapter.sqs.SqsRetryScheduler;
import io.sagesync.adapter.sqs.SqsSyncQueue;
import io.sagesync.application.MeteredRunLifecycle;
import io.sagesync.application.ProcessSyncJob;
import io.sagesync.application.SyncWorkerSettings;
import io.sagesync.config.AwsClients;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.log.Metrics;
import io.sagesync.security.LedgerTokenSigner;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Wires the sync function. Lambda calls {@link #fromEnvironment()}; local mode and tests call {@link #of} with
 * clients pointed at the emulators and Sage / Magento settings pointed at the simulators.
 */
public record SyncComposition(ProcessSyncJob processSyncJob) {
    /** Environment variable for the retry budget (attempts per cycle); default 6. */
    public static final String MAX_ATTEMPTS_ENV = "SAGESYNC_SYNC_MAX_ATTEMPTS";

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration MAGENTO_TIMEOUT = Duration.ofSeconds(15);
    static final Duration SAGE_TIMEOUT = Duration.ofSeconds(20);

    public static SyncComposition fromEnvironment() {
        Map<String, String> env = System.getenv();
        String maxAttempts = env.getOrDefault(MAX_ATTEMPTS_ENV, "");
        SyncWorkerSettings worker = maxAttempts.isBlank() ? SyncWorkerSettings.defaults()
                : SyncWorkerSettings.withMaxAttempts(Integer.parseInt(maxAttempts.trim()));
        return of(SagesyncConfig.fromEnv(env), AwsClients.fromEnvironment(), Clock.systemUTC(),
                SageSettings.fromEnv(env), worker, RetryPolicy.defaults());
    }

    /** With the default retry budget and Sage transport retries. */
    public static SyncComposition of(SagesyncConfig config, AwsClients aws, Clock clock, SageSettings sage) {
        return of(config, aws, clock, sage, SyncWorkerSettings.defaults(), RetryPolicy.defaults());
    }

    /**
     * @param config      table, queues, tenant secret, Magento base URL
     * @param sage        Sage base URL, business id and access-token supplier
     * @param worker      retry budget and backoff
     * @param sageRetries in-process retries of the Sage transport
     */
    public static SyncComposition of(SagesyncConfig config, AwsClients aws, Clock clock, SageSettings sage,
                                     SyncWorkerSettings worker, RetryPolicy sageRetries) {
        HttpClient http = JdkHttpClients.create(CONNECT_TIMEOUT);
        var keys = new SecretsManagerTenantKeyProvider(aws.secretsManager(), config.tenantSecretId(),
                config.keyCacheTtl(), clock);
        var signer = new LedgerTokenSigner(clock, () -> UUID.randomUUID().toString());
        // a fresh JWT (new jti) per request: Magento accepts each token id once
        var magento = new HttpMagentoGateway(http, config.magentoBaseUrl(),
                () -> signer.sign(keys.apiKey(), config.tenantId()), MAGENTO_TIMEOUT);
        var sageClient = new SageHttpClient(
                new SageClientConfig(sage.baseUrl(), sage.businessId(), CONNECT_TIMEOUT, SAGE_TIMEOUT, sageRetries),
                sage.accessToken(), http, clock, Sleeper.threadSleep(), new SecureRandom());
        // RunsByOutcome / StepLatency / Retries in EMF: the FailedRunsAlarm in template.yaml watches function=sync
        var runs = new MeteredRunLifecycle(new DynamoDbSyncRunStore(aws.dynamoDb(), config.tableName(), clock),
                Metrics.toStdout(config.tenantId(), "sync", clock));
        var parser = new CanonicalJsonParser();
        return new SyncComposition(new ProcessSyncJob(config.tenantId(), runs, magento, parser::parseInvoice,
                new DynamoDbBindingStore(aws.dynamoDb(), config.tableName(), clock),
                new HttpSageGateway(sageClient, new SageJson()),
                new DynamoDbXrefStore(aws.dynamoDb(), config.tableName(), clock),
                new SqsPushQueue(aws.sqs(), config.pushQueueUrl()),
                new SqsRetryScheduler(aws.sqs(), config.retryQueueUrl(), config.syncDlqUrl()),
                new SqsSyncQueue(aws.sqs(), config.syncQueueUrl()), worker, clock));
    }
}
