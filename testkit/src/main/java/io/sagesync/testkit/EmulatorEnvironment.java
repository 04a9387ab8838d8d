package io.sagesync.testkit;

import java.net.URI;
import java.nio.file.Path;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * The default local AWS, needing no Docker: ElasticMQ (SQS) inside this JVM on a free port, and moto_server
 * (DynamoDB + Secrets Manager) as a child process on a free port.
 */
final class EmulatorEnvironment implements AwsEnvironment {
    private final SQSRestServer elasticMq;
    private final URI sqsEndpoint;
    private final MotoServer moto;

    private EmulatorEnvironment(SQSRestServer elasticMq, URI sqsEndpoint, MotoServer moto) {
        this.elasticMq = elasticMq;
        this.sqsEndpoint = sqsEndpoint;
        this.moto = moto;
    }

    static EmulatorEnvironment start(Path logDir) {
        MotoServer moto = MotoServer.start(logDir);
        try {
            SQSRestServer sqs = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1")
                    .withAWSRegion(LocalAws.REGION.id()).withAWSAccountId("000000000000").start();
            try {
                int port = sqs.waitUntilStarted().localAddress().getPort();
                return new EmulatorEnvironment(sqs, URI.create("http://127.0.0.1:" + port), moto);
            } catch (RuntimeException e) {
                sqs.stopAndWait();
                throw e;
            }
        } catch (RuntimeException e) {
            moto.close();
            throw e;
        }
    }

    @Override
    public AwsBackend backend() {
        return AwsBackend.EMULATORS;
    }

    @Override
    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    @Override
    public URI dynamoDbEndpoint() {
        return moto.endpoint();
    }

    @Override
    public URI secretsManagerEndpoint() {
        return moto.endpoint();
    }

    @Override
    public void close() {
        try {
            elasticMq.stopAndWait();
        } finally {
            moto.close();
        }
    }
}
