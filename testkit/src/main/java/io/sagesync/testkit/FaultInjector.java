package io.sagesync.testkit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Injects infrastructure faults at the SDK layer: the next N calls of an operation (e.g. {@code SendMessage},
 * {@code TransactWriteItems}, {@code GetSecretValue}) fail as if the service were unreachable. The code under test
 * sees exactly what a real outage produces (an {@link SdkClientException}), through the real clients.
 */
public final class FaultInjector implements ExecutionInterceptor {
    private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();

    public void failNext(String operationName, int times) {
        pending.computeIfAbsent(operationName, k -> new AtomicInteger()).addAndGet(times);
    }

    public void reset() {
        pending.clear();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        AtomicInteger remaining = pending.get(operation);
        if (remaining != null && remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw SdkClientException.create("injected fault: " + operation + " unavailable");
        }
    }
}
