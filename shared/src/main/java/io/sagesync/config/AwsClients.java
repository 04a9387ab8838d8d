package io.sagesync.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients once per execution environment: the lightweight URLConnection HTTP client (apache and netty
 * are excluded from the build), and endpoints from the standard {@code AWS_ENDPOINT_URL_*} variables, which is how
 * local mode and tests point them at ElasticMQ and moto.
 *
 * <p>Cold start (AWS's SDK start-up advice): the region comes from {@code AWS_REGION} and the credentials provider is
 * chosen from the environment ({@link #credentials}) instead of letting each client walk the default chains, and
 * the KMS client is only built on first use: only the functions that read the Sage token item call KMS, so the
 * webhook and push functions never build it and their zips leave the KMS jar out.
 *
 * <p>Every call is bounded ({@link #API_CALL_ATTEMPT_TIMEOUT}, {@link #API_CALL_TIMEOUT}, retries included): a call
 * made while holding the Sage token lease must end before the lease does (see {@code SageTokenCustodian}).
 *
 * @param dynamoDb       DynamoDB
 * @param sqs            SQS
 * @param secretsManager Secrets Manager
 * @param kmsClient      KMS (the Sage token item's data keys), built when first asked for
 */
public record AwsClients(DynamoDbClient dynamoDb, SqsClient sqs, SecretsManagerClient secretsManager,
                         Supplier<KmsClient> kmsClient) {
    /** One HTTP attempt; DynamoDB, SQS, KMS and Secrets Manager answer in milliseconds when healthy. */
    public static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    /** A whole SDK call including its retries. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(6);

    /** Clients already built (tests and local mode). */
    public AwsClients(DynamoDbClient dynamoDb, SqsClient sqs, SecretsManagerClient secretsManager, KmsClient kms) {
        this(dynamoDb, sqs, secretsManager, new Built(kms));
    }

    /** The KMS client; the first call builds it. */
    public KmsClient kms() {
        return kmsClient.get();
    }

    public static AwsClients fromEnvironment() {
        return fromEnvironment(List.of());
    }

    /** As {@link #fromEnvironment()}, with interceptors (tests use one to inject faults at the SDK layer). */
    public static AwsClients fromEnvironment(List<ExecutionInterceptor> interceptors) {
        return fromEnvironment(System.getenv(), interceptors);
    }

    static AwsClients fromEnvironment(Map<String, String> env, List<ExecutionInterceptor> interceptors) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        ClientOverrideConfiguration override = bounded(ClientOverrideConfiguration.builder()
                .executionInterceptors(interceptors), API_CALL_ATTEMPT_TIMEOUT, API_CALL_TIMEOUT);
        Settings settings = new Settings(http, override, region(env), credentials(env));
        return new AwsClients(
                settings.apply(DynamoDbClient.builder()).build(),
                settings.apply(SqsClient.builder()).build(),
                settings.apply(SecretsManagerClient.builder()).build(),
                new LazyKms(settings));
    }

    /** {@code builder} with the per-attempt and per-call timeouts set. */
    public static ClientOverrideConfiguration bounded(ClientOverrideConfiguration.Builder builder, Duration attempt,
                                                      Duration call) {
        return builder.apiCallAttemptTimeout(attempt).apiCallTimeout(call).build();
    }

    /** {@code AWS_REGION} (always set on Lambda); null leaves it to the SDK's region chain. */
    static Region region(Map<String, String> env) {
        String region = env.get("AWS_REGION");
        return region == null || region.isBlank() ? null : Region.of(region);
    }

    /**
     * Lambda with SnapStart hands out credentials through the container endpoint
     * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}), so that a restored snapshot never uses stale keys; without
     * SnapStart, and in local mode and tests, they are the {@code AWS_ACCESS_KEY_ID} variables. Only elsewhere (a
     * developer's machine with a profile) is the SDK's whole default chain worth its start-up cost.
     */
    static AwsCredentialsProvider credentials(Map<String, String> env) {
        if (present(env, "AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            return ContainerCredentialsProvider.builder().build();
        }
        if (present(env, "AWS_ACCESS_KEY_ID")) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static boolean present(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    /** What every client of one environment shares. */
    private record Settings(SdkHttpClient http, ClientOverrideConfiguration override, Region region,
                            AwsCredentialsProvider credentials) {
        <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B apply(B builder) {
            builder.httpClient(http).overrideConfiguration(override).credentialsProvider(credentials);
            return region == null ? builder : builder.region(region);
        }
    }

    /**
     * Builds the KMS client on first use. A named class, not a lambda: linking a lambda that returns
     * {@link KmsClient} would load the KMS classes at start-up, and the zips of the functions without KMS lack them.
     */
    private static final class LazyKms implements Supplier<KmsClient> {
        private final Settings settings;
        private KmsClient client;

        LazyKms(Settings settings) {
            this.settings = settings;
        }

        @Override
        public synchronized KmsClient get() {
            if (client == null) {
                client = settings.apply(KmsClient.builder()).build();
            }
            return client;
        }
    }

    private record Built(KmsClient client) implements Supplier<KmsClient> {
        @Override
        public KmsClient get() {
            return client;
        }
    }
}
