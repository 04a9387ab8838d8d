package io.sagesync.testkit;

import io.sagesync.config.AwsClients;
import io.sagesync.config.SagesyncConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Local AWS for tests and {@code make local}: an {@link AwsEnvironment} (ElasticMQ + moto by default, LocalStack in
 * Docker with {@code -Dsagesync.aws=localstack}) with the tables, queues and secrets of {@code template.yaml} created
 * in it, and SDK clients pointed at it. Real emulators speaking the real wire protocols; nothing here is a mock.
 * Everything above the environment (resources, clients, faults, reset) is the same code on either backend.
 */
public final class LocalAws implements AutoCloseable {
    public static final Region REGION = Region.US_EAST_1;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private final AwsEnvironment environment;
    private final TemplateResources resources;
    private final FaultInjector faults = new FaultInjector();
    private final AwsClients adminClients;
    private final Map<String, String> queueUrls = new LinkedHashMap<>();
    /** The stack's customer-managed key (SagesyncKey), created in the emulator at start. */
    private String kmsKeyId;
    /** One moto call at a time from every client of this harness (see {@link SerializedDynamoDb}). */
    private final java.util.concurrent.locks.ReentrantLock motoLock = new java.util.concurrent.locks.ReentrantLock(true);
    private final Map<String, java.util.concurrent.atomic.LongAdder> motoLockWaits =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Milliseconds each calling thread (pool number stripped) has waited so far for another thread's moto call
     * ({@link SerializedDynamoDb}): the harness's one-call-at-a-time cost, which real DynamoDB does not have.
     */
    public Map<String, Double> motoLockWaitMillisByThread() {
        Map<String, Double> copy = new java.util.TreeMap<>();
        motoLockWaits.forEach((k, v) -> copy.put(k, v.sum() / 1e6));
        return copy;
    }

    private LocalAws(AwsEnvironment environment, TemplateResources resources) {
        this.environment = environment;
        this.resources = resources;
        this.adminClients = clients(List.of());
    }

    /** Starts the selected environment ({@link AwsBackend#selected()}) with every resource of template.yaml. */
    public static LocalAws start() {
        return start(AwsBackend.selected());
    }

    public static LocalAws start(AwsBackend backend) {
        Path template = TemplateResources.findTemplate();
        Path repository = Objects.requireNonNull(template.toAbsolutePath().getParent(), "template.yaml folder");
        return start(backend, TemplateResources.load(template), repository.resolve("target").resolve("local-aws"));
    }

    /** Starts {@code backend} and creates {@code resources} in it; stops it again if that fails. */
    public static LocalAws start(AwsBackend backend, TemplateResources resources, Path logDir) {
        AwsEnvironment environment = AwsEnvironment.start(backend, logDir);
        try {
            LocalAws aws = new LocalAws(environment, resources);
            aws.createResources();
            return aws;
        } catch (RuntimeException e) {
            environment.close();
            throw e;
        }
    }

    private void createResources() {
        for (TemplateResources.Table t : resources.tables()) {
            DynamoDbClient ddb = adminClients.dynamoDb();
            java.util.Set<String> keyAttributes = new java.util.LinkedHashSet<>(List.of(t.hashKey(), t.rangeKey()));
            t.indexes().forEach(i -> {
                keyAttributes.add(i.hashKey());
                keyAttributes.add(i.rangeKey());
            });
            ddb.createTable(b -> b.tableName(t.logicalId())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(keyAttributes.stream().map(name -> AttributeDefinition.builder()
                            .attributeName(name).attributeType(ScalarAttributeType.S).build()).toList())
                    .keySchema(KeySchemaElement.builder().attributeName(t.hashKey()).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(t.rangeKey()).keyType(KeyType.RANGE).build())
                    .globalSecondaryIndexes(t.indexes().isEmpty() ? null : t.indexes().stream().map(i ->
                            GlobalSecondaryIndex.builder().indexName(i.name())
                                    .keySchema(KeySchemaElement.builder().attributeName(i.hashKey())
                                                    .keyType(KeyType.HASH).build(),
                                            KeySchemaElement.builder().attributeName(i.rangeKey())
                                                    .keyType(KeyType.RANGE).build())
                                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                                    .build()).toList()));
            ddb.waiter().waitUntilTableExists(b -> b.tableName(t.logicalId()));
            if (t.ttlAttribute() != null) {
                ddb.updateTimeToLive(b -> b.tableName(t.logicalId()).timeToLiveSpecification(
                        TimeToLiveSpecification.builder().attributeName(t.ttlAttribute()).enabled(true).build()));
            }
        }
        SqsClient sqs = adminClients.sqs();
        for (TemplateResources.Queue q : resources.queues()) {
            Map<QueueAttributeName, String> attrs = new HashMap<>();
            attrs.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(q.visibilityTimeout()));
            if (q.fifo()) {
                attrs.put(QueueAttributeName.FIFO_QUEUE, "true");
                attrs.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION,
                        Boolean.toString(q.contentBasedDeduplication()));
            }
            if (q.deadLetterTarget() != null) {
                String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrls.get(q.deadLetterTarget()))
                        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
                attrs.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                        + "\",\"maxReceiveCount\":\"" + q.maxReceiveCount() + "\"}");
            }
            queueUrls.put(q.logicalId(), sqs.createQueue(b -> b.queueName(q.name()).attributes(attrs)).queueUrl());
        }
        for (String secret : resources.secrets()) {
            adminClients.secretsManager().createSecret(b -> b.name(secret).secretString("{}"));
        }
        kmsKeyId = adminClients.kms().createKey(b -> b.description("SagesyncKey (local)")).keyMetadata().keyId();
    }

    /** SDK clients pointed at the emulators, with the given interceptors (plus this harness's fault injector). */
    public AwsClients clients(List<ExecutionInterceptor> interceptors) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        List<ExecutionInterceptor> all = new java.util.ArrayList<>(interceptors);
        all.add(faults);
        ClientOverrideConfiguration override = ClientOverrideConfiguration.builder()
                .executionInterceptors(all).build();
        DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(environment.dynamoDbEndpoint())
                .region(REGION).credentialsProvider(CREDENTIALS).httpClient(http).overrideConfiguration(override)
                .build();
        return new AwsClients(
                // moto needs serialising to be atomic per item, as DynamoDB is; LocalStack does not
                environment.backend() == AwsBackend.EMULATORS ? SerializedDynamoDb.wrap(dynamoDb, motoLock, motoLockWaits) : dynamoDb,
                SqsClient.builder().endpointOverride(environment.sqsEndpoint()).region(REGION)
                        .credentialsProvider(CREDENTIALS).httpClient(http).overrideConfiguration(override).build(),
                SecretsManagerClient.builder().endpointOverride(environment.secretsManagerEndpoint()).region(REGION)
                        .credentialsProvider(CREDENTIALS).httpClient(http).overrideConfiguration(override).build(),
                KmsClient.builder().endpointOverride(environment.kmsEndpoint()).region(REGION)
                        .credentialsProvider(CREDENTIALS).httpClient(http).overrideConfiguration(override).build());
    }

    public AwsClients clients() {
        return clients(List.of());
    }

    /** Clients that bypass the fault injector (for test set-up and assertions). */
    public AwsClients adminClients() {
        return adminClients;
    }

    /** The configuration a deployed function would read from its environment, pointing at these emulators. */
    public SagesyncConfig config(String tenantId) {
        return new SagesyncConfig(tenantId, tableName(), queueUrl("SyncQueue"), queueUrl("SyncDeadLetterQueue"),
                queueUrl("RetryQueue"), queueUrl("PushQueue"), "TenantSecret", "SageSecret",
                Duration.ofMinutes(5), SagesyncConfig.DEFAULT_JWT_LEEWAY, "", "", kmsKeyId);
    }

    /**
     * The Sage token item (KMS-encrypted, versioned) as the functions see it, through clients that bypass the fault
     * injector; tests seed and inspect connections with it. Migrates from the SageSecret like the functions do.
     */
    public io.sagesync.adapter.dynamodb.DynamoDbSageTokenStore sageTokens() {
        return io.sagesync.config.SageTokenStores.dynamoDb(adminClients, tableName(), kmsKeyId, "SageSecret",
                java.time.Clock.systemUTC());
    }

    /** The id of the emulated SagesyncKey (what {@code SAGESYNC_KMS_KEY_ID} holds in a deployed stack). */
    public String kmsKeyId() {
        return kmsKeyId;
    }

    /** Writes the tenant's api_key into the tenant secret, as pairing would. */
    public void putTenantApiKey(String apiKey) {
        adminClients.secretsManager().putSecretValue(b -> b.secretId("TenantSecret")
                .secretString("{\"api_key\":\"" + apiKey.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"));
    }

    public FaultInjector faults() {
        return faults;
    }

    public String tableName() {
        return resources.tables().get(0).logicalId();
    }

    public String queueUrl(String logicalId) {
        String url = queueUrls.get(logicalId);
        if (url == null) {
            throw new IllegalArgumentException("no queue " + logicalId + " in template.yaml");
        }
        return url;
    }

    public Map<String, String> queueUrls() {
        return Map.copyOf(queueUrls);
    }

    public TemplateResources resources() {
        return resources;
    }

    /** Which backend serves this instance. */
    public AwsBackend backend() {
        return environment.backend();
    }

    public AwsEnvironment environment() {
        return environment;
    }

    public URI sqsEndpoint() {
        return environment.sqsEndpoint();
    }

    public URI dynamoDbEndpoint() {
        return environment.dynamoDbEndpoint();
    }

    public URI secretsManagerEndpoint() {
        return environment.secretsManagerEndpoint();
    }

    /** Empties every queue and the table, and clears pending faults: a clean slate between tests. */
    public void reset() {
        faults.reset();
        queueUrls.values().forEach(url -> adminClients.sqs().purgeQueue(b -> b.queueUrl(url)));
        for (TemplateResources.Table t : resources.tables()) {
            DynamoDbClient ddb = adminClients.dynamoDb();
            ddb.scanPaginator(ScanRequest.builder().tableName(t.logicalId()).build()).items().forEach(item ->
                    ddb.deleteItem(b -> b.tableName(t.logicalId()).key(Map.of(
                            t.hashKey(), item.get(t.hashKey()), t.rangeKey(), item.get(t.rangeKey())))));
        }
    }

    @Override
    public void close() {
        environment.close();
    }
}
