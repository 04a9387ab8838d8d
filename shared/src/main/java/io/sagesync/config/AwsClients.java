package io.sagesync.config;

import java.util.List;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients once per execution environment: the lightweight URLConnection HTTP client (apache and netty
 * are excluded from the build), region from {@code AWS_REGION}, and endpoints from the standard
 * {@code AWS_ENDPOINT_URL_*} variables, which is how local mode and tests point them at ElasticMQ and moto.
 *
 * @param dynamoDb       DynamoDB
 * @param sqs            SQS
 * @param secretsManager Secrets Manager
 */
public record AwsClients(DynamoDbClient dynamoDb, SqsClient sqs, SecretsManagerClient secretsManager) {

    public static AwsClients fromEnvironment() {
        return fromEnvironment(List.of());
    }

    /** As {@link #fromEnvironment()}, with interceptors (tests use one to inject faults at the SDK layer). */
    public static AwsClients fromEnvironment(List<ExecutionInterceptor> interceptors) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        ClientOverrideConfiguration override = ClientOverrideConfiguration.builder()
                .executionInterceptors(interceptors).build();
        return new AwsClients(
                DynamoDbClient.builder().httpClient(http).overrideConfiguration(override).build(),
                SqsClient.builder().httpClient(http).overrideConfiguration(override).build(),
                SecretsManagerClient.builder().httpClient(http).overrideConfiguration(override).build());
    }
}
