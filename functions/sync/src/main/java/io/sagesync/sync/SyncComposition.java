package io.sagesync.sync;

import io.sagesync.adapter.sqs.SyncJobJson;
import io.sagesync.application.BatchRunStarts;
import io.sagesync.application.BatchScopedPolicy;
import io.sagesync.application.BatchXrefs;
import io.sagesync.application.Lookahead;
import io.sagesync.application.CompletionLane;
import io.sagesync.application.PrefetchingMagentoGateway;
import io.sagesync.application.SyncBatch;

import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.dynamodb.DynamoDbXrefStore;
import io.sagesync.adapter.http.JdkHttpClients;
import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.adapter.magento.HttpMagentoGateway;
import io.sagesync.adapter.sage.api.ConnectedSageGateway;
import io.sagesync.adapter.sage.api.HttpSageGateway;
import io.sagesync.adapter.sage.api.SageClientConfig;
import io.sagesync.adapter.sage.api.SageHttpClient;
import io.sagesync.adapter.sage.api.SageJson;
import io.sagesync.adapter.sage.oauth.SageAppCredentials;
import io.sagesync.adapter.sage.oauth.SageOAuthClient;
import io.sagesync.adapter.sage.oauth.SageTokenCustodian;
import io.sagesync.adapter.secrets.SecretsManagerSageAppCredentials;
import io.sagesync.adapter.secrets.SecretsManagerTenantKeyProvider;
import io.sagesync.adapter.sqs.SqsPushQueue;
import io.sagesync.adapter.sqs.SqsRetryScheduler;
import io.sagesync.adapter.sqs.SqsSyncQueue;
import io.sagesync.application.InvocationDeadline;
import io.sagesync.application.MeteredRunLifecycle;
import io.sagesync.application.ProcessSyncJob;
import io.sagesync.application.SyncWorkerSettings;
import io.sagesync.config.AwsClients;
import io.sagesync.config.EnvNames;
import io.sagesync.config.SageEndpoints;
import io.sagesync.config.SageTokenStores;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.log.Metrics;
import io.sagesync.port.CallBudget;
import io.sagesync.port.SageGateway;
import io.sagesync.retry.InProcessRetry;
import io.sagesync.retry.Sleeper;
import io.sagesync.security.LedgerTokenSigner;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Wires the sync function. Lambda calls {@link #fromEnvironment()}; local mode and tests call {@link #of} with
 * clients pointed at the emulators and Sage / Magento settings pointed at the simulators.
 */
public record SyncComposition(ProcessSyncJob processSyncJob, InvocationDeadline deadline,
                              SyncBatch.Pipeline pipeline) {
    /** Magento GETs of one batch in flight at once (the merchant's shop serves them beside its storefront). */
    static final int PREFETCH_THREADS = 3;
    /** The next job's run start and invoice xref read, issued ahead. */
    static final int READ_THREADS = 2;
    /** Preparations: each waits for its job's body, then reads the buyer's contact on its own thread. */
    static final int LOOKAHEAD_THREADS = 2;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Kept at the end of an invocation to record the outcome (run, retry, push) after the last Sage call. */
    static final Duration OUTCOME_MARGIN = Duration.ofSeconds(15);

    /** Without an invocation deadline (tests and local mode: calls bounded by their own timeouts only). */
    public SyncComposition(ProcessSyncJob processSyncJob) {
        this(processSyncJob, new InvocationDeadline(Clock.systemUTC(), OUTCOME_MARGIN));
    }

    /** Without prefetch; a batch still drains the lane the worker completes its runs on. */
    public SyncComposition(ProcessSyncJob processSyncJob, InvocationDeadline deadline) {
        this(processSyncJob, deadline, SyncBatch.Pipeline.laneOnly(processSyncJob.completions()));
    }

    /** The same wiring, with the invocation deadline the handler starts per invocation. */
    SyncComposition withDeadline(InvocationDeadline newDeadline) {
        return new SyncComposition(processSyncJob, newDeadline, pipeline);
    }

    /** The batch the handler runs per invocation. */
    public SyncBatch batch() {
        return new SyncBatch(processSyncJob, pipeline, deadline, SyncJobJson::read);
    }
    static final Duration MAGENTO_TIMEOUT = Duration.ofSeconds(15);
    static final Duration SAGE_TIMEOUT = Duration.ofSeconds(20);

    public static SyncComposition fromEnvironment() {
        Map<String, String> env = System.getenv();
        SyncWorkerSettings worker = workerSettings(env.getOrDefault(EnvNames.SYNC_MAX_ATTEMPTS, ""));
        SagesyncConfig config = SagesyncConfig.fromEnv(env).require(EnvNames.SYNC_QUEUE_URL, EnvNames.SYNC_DLQ_URL,
                EnvNames.RETRY_QUEUE_URL, EnvNames.PUSH_QUEUE_URL, EnvNames.TENANT_SECRET_ID);
        AwsClients aws = AwsClients.fromEnvironment();
        Clock clock = Clock.systemUTC();
        SageSettings configured = SageSettings.fromEnv(env);
        if (!env.getOrDefault(EnvNames.SAGE_ACCESS_TOKEN, "").isBlank()) {
            // a fixed token (short-lived; for trying a real business by hand)
            return of(config, aws, clock, configured, worker, InProcessRetry.defaults());
        }
        // every Sage and OAuth call ends before the invocation does (the handler starts it per invocation)
        var deadline = new InvocationDeadline(clock, OUTCOME_MARGIN);
        return of(config, aws, clock, connectedSage(config, aws, clock, env, configured.baseUrl(), deadline), worker)
                .withDeadline(deadline);
    }

    private static SyncWorkerSettings workerSettings(String maxAttempts) {
        if (maxAttempts.isBlank()) {
            return SyncWorkerSettings.defaults();
        }
        try {
            return SyncWorkerSettings.withMaxAttempts(Integer.parseInt(maxAttempts.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(EnvNames.SYNC_MAX_ATTEMPTS + " must be a whole number of at least 1",
                    e);
        }
    }

    /**
     * The deployed path: tokens from the Sage connection (the KMS-encrypted token item), refreshed single-flight
     * under its lease, and the business chosen at connect sent as X-Business.
     */
    static SageGateway connectedSage(SagesyncConfig config, AwsClients aws, Clock clock, Map<String, String> env,
                                     String sageBaseUrl, CallBudget budget) {
        config.require(EnvNames.KMS_KEY_ID);
        String appSecretId = env.getOrDefault(EnvNames.SAGE_APP_SECRET_ID, "");
        if (appSecretId.isBlank()) {
            throw new IllegalArgumentException(EnvNames.SAGE_APP_SECRET_ID + " is required (or set "
                    + EnvNames.SAGE_ACCESS_TOKEN + " to use a fixed token)");
        }
        return connectedSage(config, aws, clock, sageBaseUrl,
                SageEndpoints.token(env),
                SageEndpoints.revoke(env),
                new SecretsManagerSageAppCredentials(aws.secretsManager(), appSecretId), budget);
    }

    /**
     * The Sage gateway of a connected tenant: tokens from the token item, refreshed single-flight under its
     * lease, X-Business = the business stored with them. Local mode uses it against a real business.
     */
    public static SageGateway connectedSage(SagesyncConfig config, AwsClients aws, Clock clock, String sageBaseUrl,
                                            String tokenUrl, String revokeUrl,
                                            Supplier<SageAppCredentials> app) {
        return connectedSage(config, aws, clock, sageBaseUrl, tokenUrl, revokeUrl, app, CallBudget.UNBOUNDED);
    }

    /** As above, every Sage and OAuth call bounded by {@code budget} (the invocation's remaining time). */
    public static SageGateway connectedSage(SagesyncConfig config, AwsClients aws, Clock clock, String sageBaseUrl,
                                            String tokenUrl, String revokeUrl,
                                            Supplier<SageAppCredentials> app, CallBudget budget) {
        HttpClient http = JdkHttpClients.create(CONNECT_TIMEOUT);
        var oauth = new SageOAuthClient(http, tokenUrl, revokeUrl, app, Duration.ofSeconds(10), clock, budget);
        var custodian = new SageTokenCustodian(SageTokenStores.dynamoDb(aws, config.tableName(), config.kmsKeyId(),
                config.sageSecretId(), clock), oauth, new DynamoDbBindingStore(aws.dynamoDb(), config.tableName(),
                clock), clock, Sleeper.threadSleep(), new SecureRandom(), () -> UUID.randomUUID().toString());
        return new ConnectedSageGateway(() -> custodian.current().businessId(), business ->
                new HttpSageGateway(new SageHttpClient(new SageClientConfig(sageBaseUrl, business, CONNECT_TIMEOUT,
                        SAGE_TIMEOUT, InProcessRetry.defaults()), custodian::accessToken, http, clock,
                        Sleeper.threadSleep(), new SecureRandom(), budget), new SageJson()));
    }

    /** With the default retry budget and Sage transport retries. */
    public static SyncComposition of(SagesyncConfig config, AwsClients aws, Clock clock, SageSettings sage) {
        return of(config, aws, clock, sage, SyncWorkerSettings.defaults(), InProcessRetry.defaults());
    }

    /**
     * @param config      table, queues, tenant secret, Magento base URL
     * @param sage        Sage base URL, business id and access-token supplier
     * @param worker      retry budget and backoff
     * @param sageRetries in-process retries of the Sage transport
     */
    public static SyncComposition of(SagesyncConfig config, AwsClients aws, Clock clock, SageSettings sage,
                                     SyncWorkerSettings worker, InProcessRetry sageRetries) {
        HttpClient http = JdkHttpClients.create(CONNECT_TIMEOUT);
        var sageClient = new SageHttpClient(
                new SageClientConfig(sage.baseUrl(), sage.businessId(), CONNECT_TIMEOUT, SAGE_TIMEOUT, sageRetries),
                sage.accessToken(), http, clock, Sleeper.threadSleep(), new SecureRandom());
        return of(config, aws, clock, new HttpSageGateway(sageClient, new SageJson()), worker);
    }

    /** With any Sage gateway (a fixed-token client, or the connected one). */
    public static SyncComposition of(SagesyncConfig config, AwsClients aws, Clock clock, SageGateway sageGateway,
                                     SyncWorkerSettings worker) {
        HttpClient http = JdkHttpClients.create(CONNECT_TIMEOUT);
        var keys = new SecretsManagerTenantKeyProvider(aws.secretsManager(), config.tenantSecretId(),
                config.keyCacheTtl(), clock);
        var signer = new LedgerTokenSigner(clock, () -> UUID.randomUUID().toString());
        // a fresh JWT (new jti) per request: Magento accepts each token id once
        // the stack parameter when set, otherwise the shop URL pairing stored beside the api_key
        java.util.function.Supplier<String> shop = config.magentoBaseUrl().isBlank() ? keys::magentoBaseUrl
                : config::magentoBaseUrl;
        var direct = new HttpMagentoGateway(http, shop,
                () -> signer.sign(keys.apiKey(), config.tenantId()), MAGENTO_TIMEOUT,
                // re-paired meanwhile? one retry with the new key before a 401 counts as token_revoked
                () -> keys.reloadIfChanged().isPresent());
        // a batch's bodies are fetched when it arrives, its runs completed while the next job waits on Sage
        var magento = new PrefetchingMagentoGateway(direct, SyncBatch.Pipeline.threads("magento-prefetch",
                PREFETCH_THREADS));
        var lane = CompletionLane.background(SyncBatch.Pipeline.threads("run-completion", 1));
        var binding = new BatchScopedPolicy(new DynamoDbBindingStore(aws.dynamoDb(), config.tableName(), clock));
        // RunsByOutcome / StepLatency / Retries in EMF: the FailedRunsAlarm in template.yaml watches function=sync
        var store = new DynamoDbSyncRunStore(aws.dynamoDb(), config.tableName(), clock);
        // the tile's gauges (pending, failed in 24 h, last run) follow every transition
        var runs = new MeteredRunLifecycle(new io.sagesync.application.GaugedRunStore(store, store,
                new io.sagesync.adapter.dynamodb.DynamoDbRunGauges(aws.dynamoDb(), config.tableName()),
                new io.sagesync.adapter.dynamodb.DynamoDbDailyTotals(aws.dynamoDb(), config.tableName())),
                Metrics.toStdout(config.tenantId(), "sync", clock));
        // the next job's run start and xref reads happen while the current one waits on Sage; xref writes trail
        var reads = SyncBatch.Pipeline.threads("sync-reads", READ_THREADS);
        var batchRuns = new BatchRunStarts(runs, reads, clock);
        var xrefs = new BatchXrefs(new DynamoDbXrefStore(aws.dynamoDb(), config.tableName(), clock), reads, lane);
        var parser = new CanonicalJsonParser();
        return new SyncComposition(new ProcessSyncJob(config.tenantId(), batchRuns,
                new ProcessSyncJob.Source(magento, parser),
                new ProcessSyncJob.Ledger(binding, sageGateway, xrefs),
                new ProcessSyncJob.Queues(new SqsPushQueue(aws.sqs(), config.pushQueueUrl()),
                        new SqsRetryScheduler(aws.sqs(), config.retryQueueUrl(), config.syncDlqUrl()),
                        new SqsSyncQueue(aws.sqs(), config.syncQueueUrl())),
                worker, clock, lane), new InvocationDeadline(clock, OUTCOME_MARGIN),
                new SyncBatch.Pipeline(lane, magento, binding,
                        new Lookahead(batchRuns, xrefs, magento, parser,
                                SyncBatch.Pipeline.threads("sync-lookahead", LOOKAHEAD_THREADS))));
    }
}
