package io.sagesync.testkit;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where SQS, DynamoDB and Secrets Manager are served locally. Two implementations: {@link EmulatorEnvironment}
 * (ElasticMQ + moto, the default, no Docker) and {@link LocalStackEnvironment} (LocalStack through Testcontainers).
 * It only provides endpoints and lifecycle: {@link LocalAws} creates the template's resources and builds the clients
 * the same way on either, so the tests above it cannot tell which one they run on.
 */
public interface AwsEnvironment extends AutoCloseable {

    AwsBackend backend();

    URI sqsEndpoint();

    URI dynamoDbEndpoint();

    URI secretsManagerEndpoint();

    /** KMS; both moto and LocalStack serve it on the same endpoint as Secrets Manager. */
    default URI kmsEndpoint() {
        return secretsManagerEndpoint();
    }

    /** Stops what {@link #start} started (child process, container); never throws. */
    @Override
    void close();

    /**
     * Starts the given backend. {@code logDir} receives the emulators' logs. For LocalStack, Docker is checked
     * first and its absence is a {@link DockerUnavailableException} with the documented message.
     */
    static AwsEnvironment start(AwsBackend backend, Path logDir) {
        return switch (backend) {
            case EMULATORS -> EmulatorEnvironment.start(logDir);
            case LOCALSTACK -> LocalStackEnvironment.start(LocalStackEnvironment::dockerAnswers,
                    LocalStackEnvironment.configuredImage());
        };
    }
}
