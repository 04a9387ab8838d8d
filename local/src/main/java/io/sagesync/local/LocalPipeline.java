package io.sagesync.local;

import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.policy.SettingsFile;
import io.sagesync.config.SageTokenStores;
import io.sagesync.admin.AdminConfig;
import io.sagesync.config.AwsClients;
import io.sagesync.config.EnvNames;
import io.sagesync.console.ConsoleHandler;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.log.Log;
import io.sagesync.port.SageTokenSet;
import io.sagesync.push.PushComposition;
import io.sagesync.push.SyncStatePushHandler;
import io.sagesync.simulator.magento.MagentoSimulator;
import io.sagesync.simulator.sage.SageSimulator;
import io.sagesync.sync.SageSettings;
import io.sagesync.sync.SyncComposition;
import io.sagesync.sync.SweepComposition;
import io.sagesync.sync.SweepHandler;
import io.sagesync.sync.SyncHandler;
import io.sagesync.application.SweepStalledRuns;
import io.sagesync.application.SyncWorkerSettings;
import io.sagesync.retry.ExponentialBackoff;
import io.sagesync.retry.InProcessRetry;
import io.sagesync.retry.RetryPolicies;
import java.time.Duration;
import io.sagesync.testkit.LocalAws;
import io.sagesync.webhook.WebhookComposition;
import io.sagesync.webhook.WebhookHandler;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything {@code make local} runs, in one JVM plus the moto child process (or the LocalStack container, see
 * {@link LocalAws}): the local AWS with the template's resources, the Magento and Sage simulators (unless real URLs
 * are configured), the three functions wired exactly as in Lambda but with clients pointed at the local AWS, the
 * HTTP API in front of the webhook, and event-source mappings draining the queues into the sync and push functions.
 */
final class LocalPipeline implements AutoCloseable {
    private static final Log LOG = Log.of(LocalPipeline.class);

    final LocalSettings settings;
    final LocalAws aws;
    final MagentoSimulator magento;
    SageSimulator sage;
    final ApiGatewayEmulator api;
    final SagesyncConfig config;
    /** Invocations and busy time of each function, as Lambda would bill them (benchmarks read it). */
    final InvocationMeter invocations;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicReference<Runnable> startWorkers =
            new java.util.concurrent.atomic.AtomicReference<>(() -> { });

    private LocalPipeline(LocalSettings settings, LocalAws aws, MagentoSimulator magento, SageSimulator sage,
                          ApiGatewayEmulator api, SagesyncConfig config, InvocationMeter invocations) {
        this.invocations = invocations;
        this.settings = settings;
        this.aws = aws;
        this.magento = magento;
        this.sage = sage;
        this.api = api;
        this.config = config;
    }

    /**
     * The retry timings of the pipeline and its sweeper. {@link #DEFAULTS} are the deployed ones; the chaos test
     * shortens them so minutes of backoff take seconds.
     *
     * @param worker       the sync job's retry budget and delays
     * @param sageRetries  in-process retries of each Sage call
     * @param pushBackoff  redelivery delays of a sync-state push
     * @param sweepEvery   how often the sweeper runs (the deployed schedule: 10 minutes)
     * @param stalledAfter when a queued/running run counts as stalled
     * @param workers      whether the event sources drain the queues into the sync and push functions (a
     *                     webhook-only benchmark turns them off)
     */
    record Tuning(SyncWorkerSettings worker, InProcessRetry sageRetries, ExponentialBackoff pushBackoff,
                  Duration sweepEvery, Duration stalledAfter, boolean workers) {
        static final Tuning DEFAULTS = new Tuning(SyncWorkerSettings.defaults(), InProcessRetry.defaults(),
                RetryPolicies.SYNC_STATE_PUSH, Duration.ofMinutes(10), SweepStalledRuns.DEFAULT_STALLED_AFTER, true);

        Tuning withoutWorkers() {
            return new Tuning(worker, sageRetries, pushBackoff, sweepEvery, stalledAfter, false);
        }
    }

    static LocalPipeline start(LocalSettings settings, Clock clock) throws IOException {
        return start(settings, clock, Tuning.DEFAULTS);
    }

    static LocalPipeline start(LocalSettings settings, Clock clock, Tuning tuning) throws IOException {
        return start(settings, clock, tuning, List.of());
    }

    /**
     * @param interceptors added to every SDK client the functions use (a benchmark counts AWS requests with one)
     */
    static LocalPipeline start(LocalSettings settings, Clock clock, Tuning tuning,
                               List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors)
            throws IOException {
        LocalAws aws = LocalAws.start();
        InvocationMeter meter = new InvocationMeter();
        MagentoSimulator magento = null;
        SageSimulator sage = null;
        ApiGatewayEmulator api = null;
        try {
            String apiUrl = "http://127.0.0.1:" + settings.port();
            if (settings.simulatedMagento()) {
                magento = MagentoSimulator.builder().tenantId(settings.tenantId()).apiKey(settings.apiKey())
                        .ledgerBaseUrl(apiUrl).clock(clock).start();
            }
            if (settings.simulatedSage()) {
                sage = SageSimulator.start();
            }
            String magentoUrl = magento != null ? magento.baseUrl() : settings.magentoBaseUrl();
            SageSettings sageSettings = sageSettings(settings, sage);
            SagesyncConfig base = aws.config(settings.tenantId());
            SagesyncConfig config = new SagesyncConfig(base.tenantId(), base.tableName(), base.syncQueueUrl(),
                    base.syncDlqUrl(), base.retryQueueUrl(), base.pushQueueUrl(), base.tenantSecretId(),
                    base.sageSecretId(), base.keyCacheTtl(), base.jwtLeeway(), magentoUrl, sageSettings.baseUrl(),
                    base.kmsKeyId());
            aws.putTenantApiKey(settings.apiKey());
            AwsClients clients = aws.clients(interceptors);
            if (sage != null) {
                // the simulator's tokens are minted in-process, not stored by a Connect Sage flow
                new DynamoDbBindingStore(clients.dynamoDb(), config.tableName(), clock)
                        .flagSage(io.sagesync.domain.BindingState.ACTIVE, "local Sage simulator");
            }
            if (settings.settingsFile() != null) {
                new DynamoDbBindingStore(clients.dynamoDb(), config.tableName(), clock)
                        .savePolicy(SettingsFile.load(settings.settingsFile()));
            }

            var webhook = meter.wrap("webhook",
                    new WebhookHandler(WebhookComposition.of(config, clients, clock).acceptWebhook()));
            boolean realSage = settings.sageRefreshToken() != null && !settings.simulatedSage();
            // one handler per event source: on AWS each mapping's invocations run in their own execution
            // environments, and a handler runs one batch at a time
            java.util.function.Supplier<SyncHandler> syncFunction = () -> new SyncHandler(realSage
                    ? SyncComposition.of(config, clients, clock, connectedRealSage(settings, config, clients, clock),
                    tuning.worker())
                    : SyncComposition.of(config, clients, clock, sageSettings, tuning.worker(), tuning.sageRetries()));
            var sync = meter.wrap("sync", syncFunction.get());
            var syncRetries = meter.wrap("sync", syncFunction.get());
            var push = meter.wrap("push", new SyncStatePushHandler(PushComposition.of(config, clients, clock,
                    magentoUrl, tuning.pushBackoff())));
            var sweeper = new SweepHandler(SweepComposition.of(config, clients, clock, tuning.stalledAfter())
                    .sweepStalledRuns());
            AdminConfig admin = LocalConsoleWiring.adminConfig(settings, config, sage, apiUrl);
            var console = new ConsoleHandler(LocalConsoleWiring.consoleComposition(settings, config, admin, clients,
                    clock, sage));
            // Connect Sage returns here, to the admin function's callback, as in AWS
            api = new ApiGatewayEmulator(settings.port(), webhook, console,
                    LocalOAuthCallback.of(admin, clients, clock, settings.sageApp()), clock);
            LocalPipeline pipeline = new LocalPipeline(settings, aws, magento, sage, api, config, meter);
            pipeline.startWorkers.set(() -> {
                // BatchSize 10 on the FIFO queue and a 300 s timeout, as template.yaml's SyncJobs and SyncFunction
                pipeline.closeables.add(new SqsEventSource(clients.sqs(), config.syncQueueUrl(), sync, "sync", 10,
                        300_000));
                pipeline.closeables.add(new SqsEventSource(clients.sqs(), config.retryQueueUrl(), syncRetries,
                        "sync-retry", 10, 300_000));
                pipeline.closeables.add(new SqsEventSource(clients.sqs(), config.pushQueueUrl(), push, "push"));
                pipeline.closeables.add(new Schedule("sweeper", tuning.sweepEvery(),
                        () -> sweeper.handleRequest(java.util.Map.of(), new LocalContext("sweeper", 60_000))));
            });
            if (tuning.workers()) {
                pipeline.startWorkers();
            }
            return pipeline;
        } catch (IOException | RuntimeException e) {
            closeQuietly(api);
            closeQuietly(magento);
            closeQuietly(sage);
            aws.close();
            throw e;
        }
    }

    /**
     * Real Sage when configured; otherwise the simulator, with tokens issued by its OAuth server and renewed
     * before their 5-minute expiry.
     */
    private static SageSettings sageSettings(LocalSettings settings, SageSimulator sage) {
        if (sage == null) {
            String token = System.getenv().getOrDefault(EnvNames.SAGE_ACCESS_TOKEN, "");
            return new SageSettings(settings.sageBaseUrl(), settings.sageBusinessId() == null ? ""
                    : settings.sageBusinessId(), () -> token);
        }
        Supplier<String> tokens = new SimulatorTokens(sage);
        return new SageSettings(sage.baseUrl(), SageSimulator.LEAD_BUSINESS_ID, tokens);
    }

    /**
     * A real Sage business through the deployed code path: the refresh token from the environment is stored in the
     * local token item with an empty access token, so the first call refreshes, and the token custodian rotates the
     * single-use refresh token through the same lease as in AWS. Caveat: Sage invalidates a refresh token once used,
     * and the newest one lives only in the emulated (KMS-encrypted) token item, so it is gone when local mode stops;
     * authorise again before the next run.
     */
    private static io.sagesync.port.SageGateway connectedRealSage(LocalSettings settings, SagesyncConfig config,
                                                                  AwsClients clients, Clock clock) {
        if (settings.sageBusinessId() == null || settings.sageClientId() == null
                || settings.sageClientSecret() == null) {
            throw new IllegalArgumentException("SAGESYNC_SAGE_REFRESH_TOKEN needs SAGESYNC_SAGE_CLIENT_ID, "
                    + "SAGESYNC_SAGE_CLIENT_SECRET and SAGESYNC_SAGE_BUSINESS_ID");
        }
        SageTokenStores.dynamoDb(clients, config.tableName(), config.kmsKeyId(), "", clock)
                .storeNow(new io.sagesync.port.SageTokenSet("", settings.sageRefreshToken(),
                        java.time.Instant.EPOCH, clock.instant().plus(java.time.Duration.ofDays(31)),
                        settings.sageBusinessId()));
        var app = new io.sagesync.adapter.sage.oauth.SageAppCredentials(settings.sageClientId(),
                settings.sageClientSecret());
        String tokenUrl = settings.sageTokenUrl() == null ? io.sagesync.config.SageEndpoints.TOKEN
                : settings.sageTokenUrl();
        return SyncComposition.connectedSage(config, clients, clock, settings.sageBaseUrl(), tokenUrl,
                tokenUrl.replace("/token", "/revoke"), () -> app);
    }

    /**
     * Lets the first-sync timeline read the request log of a Sage simulator that local mode did not start itself
     * (tests that configure it as the "real" Sage). It is not closed by this pipeline.
     */
    LocalPipeline withSageForInspection(SageSimulator external) {
        LocalPipeline view = new LocalPipeline(settings, aws, magento, external, api, config, invocations);
        view.closeables.addAll(closeables);
        return view;
    }

    /**
     * Starts draining the queues into the sync and push functions (and the sweeper's schedule), once: {@link
     * #start} does it unless the tuning turned the workers off, so a backlog benchmark can fill the queue first.
     */
    void startWorkers() {
        startWorkers.getAndSet(() -> { }).run();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + api.port();
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeQuietly(closeables.get(i));
        }
        closeQuietly(api);
        closeQuietly(magento);
        closeQuietly(sage);
        aws.close();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("close failed", "exception", e.getClass().getSimpleName());
        }
    }
}
