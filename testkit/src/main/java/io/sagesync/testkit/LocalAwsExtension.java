package io.sagesync.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: starts {@link LocalAws} once per test JVM (the first class that needs it) and stops it when
 * the JVM's test run ends. Test methods and constructors can take a {@link LocalAws} parameter. The backend is
 * {@link AwsBackend#selected()}: ElasticMQ + moto unless {@code -Dsagesync.aws=localstack}; tests never choose.
 * Fails instead of skipping silently: with an install hint when moto_server is missing, with the documented
 * {@link DockerUnavailableException} message when LocalStack is selected and no Docker engine answers.
 */
public final class LocalAwsExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    private static LocalAws shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(LocalAwsExtension.class))
                .getOrComputeIfAbsent(Holder.class, k -> new Holder(LocalAws.start()), Holder.class).aws;
    }

    @SuppressWarnings("deprecation") // CloseableResource: closed by JUnit at the end of the root context
    private record Holder(LocalAws aws) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            aws.close();
        }
    }
}
