package io.sagesync.testkit;

import java.net.URI;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in Docker through Testcontainers, serving SQS, DynamoDB and Secrets Manager on one edge port.
 * The image is pinned to an exact 4.x tag: from 2026-03-23 {@code localstack/localstack:latest} (and 4.15 onwards)
 * exits with code 55 unless {@code LOCALSTACK_AUTH_TOKEN} is set; 4.14.0 is the last release that starts without
 * one. A user with a token may override the image ({@code -Dsagesync.localstack.image=…} or
 * {@code SAGESYNC_LOCALSTACK_IMAGE}); {@code LOCALSTACK_AUTH_TOKEN} is passed through when set.
 * Docker is checked before anything else, so its absence is a plain sentence, not a Testcontainers stack trace.
 */
final class LocalStackEnvironment implements AwsEnvironment {
    static final String IMAGE = "localstack/localstack:4.14.0";
    static final String IMAGE_PROPERTY = "sagesync.localstack.image";
    static final String IMAGE_VARIABLE = "SAGESYNC_LOCALSTACK_IMAGE";

    private final LocalStackContainer container;

    private LocalStackEnvironment(LocalStackContainer container) {
        this.container = container;
    }

    /**
     * @param dockerAnswers checked first; false means {@link DockerUnavailableException} and nothing started
     * @param image         a LocalStack image reference, normally {@link #IMAGE}
     */
    static LocalStackEnvironment start(BooleanSupplier dockerAnswers, String image) {
        if (!dockerAnswers.getAsBoolean()) {
            throw new DockerUnavailableException();
        }
        LocalStackContainer container = new LocalStackContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"))
                .withServices("sqs", "dynamodb", "secretsmanager")
                .withEnv("EAGER_SERVICE_LOADING", "1")
                .withEnv("DYNAMODB_IN_MEMORY", "1")
                // LocalAws.reset() purges every queue between tests; keep LocalStack's default of no 60 s cool-down
                .withEnv("SQS_DELAY_PURGE_RETRY", "0");
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new IllegalStateException("LocalStack (" + image + ") did not start: " + e.getMessage()
                    + ". Images after 4.14 need LOCALSTACK_AUTH_TOKEN.", e);
        }
        return new LocalStackEnvironment(container);
    }

    /** Testcontainers' own detection (DOCKER_HOST, the socket, ~/.testcontainers.properties, Docker contexts). */
    static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static String configuredImage() {
        String property = System.getProperty(IMAGE_PROPERTY);
        if (property != null && !property.isBlank()) {
            return property.trim();
        }
        String variable = System.getenv(IMAGE_VARIABLE);
        return variable != null && !variable.isBlank() ? variable.trim() : IMAGE;
    }

    @Override
    public AwsBackend backend() {
        return AwsBackend.LOCALSTACK;
    }

    @Override
    public URI sqsEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI dynamoDbEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI secretsManagerEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public void close() {
        container.stop();
    }
}
