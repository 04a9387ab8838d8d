package io.sagesync.config;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients once per execution environment: the lightweight URLConnection HTTP client (apache and netty
 * are excluded from the build), region from {@code AWS_REGION}, and endpoints from the standard
 * {@code AWS_ENDPOINT_URL_*} variables, which is how local mode and tests point them at ElasticMQ and moto.
 *
 * <p>Every call is bounded ({@link #API_CALL_ATTEMPT_TIMEOUT}, {@link #API_CALL_TIMEOUT}, retries included): a call
 * made while holding the Sage token lease must end before the lease does (see {@code SageTokenCustodian}).
 *
 * @param dynamoDb       DynamoDB
 * @param sqs            SQS
 * @param secretsManager Secrets Manager
 * @param kms            KMS (the Sage token item's data keys)
 */
public record AwsClients(DynamoDbClient dynamoDb, SqsClient sqs, SecretsManagerClient secretsManager, KmsClient kms) {
    /** One HTTP attempt; DynamoDB, SQS, KMS and Secrets Manager answer in milliseconds when healthy. */
    public static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    /** A whole SDK call including its retries. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(6);

    public static AwsClients fromEnvironment() {
        return fromEnvironment(List.of());
    }

    /** As {@link #fromEnvironment()}, with interceptors (tests use one to inject faults at the SDK layer). */
    public static AwsClients fromEnvironment(List<ExecutionInterceptor> interceptors) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        ClientOverrideConfiguration override = bounded(ClientOverrideConfiguration.builder()
                .executionInterceptors(interceptors), API_CALL_ATTEMPT_TIMEOUT, API_CALL_TIMEOUT);
        return new AwsClients(
                DynamoDbClient.builder().httpClient(http).overrideConfiguration(override).build(),
                SqsClient.builder().httpClient(http).overrideConfiguration(override).build(),
                SecretsManagerClient.builder().httpClient(http).overrideConfiguration(override).build(),
                KmsClient.builder().httpClient(http).overrideConfiguration(override).build());
    }

    /** {@code builder} with the per-attempt and per-call timeouts set. */
    public static ClientOverrideConfiguration bounded(ClientOverrideConfiguration.Builder builder, Duration attempt,
                                                      Duration call) {
        return builder.apiCallAttemptTimeout(attempt).apiCallTimeout(call).build();
    }
}
