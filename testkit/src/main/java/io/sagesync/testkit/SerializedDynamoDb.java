package io.sagesync.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A {@link DynamoDbClient} that lets one call at a time reach moto. moto evaluates a write's condition and applies
 * the write in separate Python steps without a lock, and on a cancelled {@code TransactWriteItems} restores a table
 * snapshot taken when the transaction began, wiping writes other requests made meanwhile. Real DynamoDB does
 * neither: every single-item write is atomic. Serialising the calls gives the emulator DynamoDB's atomicity, so local
 * mode and the integration tests exercise the code, not the emulator's races. (The code does not rely on it: every
 * state it can leave is repairable, and the hot path uses no transactions.)
 */
final class SerializedDynamoDb implements InvocationHandler {
    private final DynamoDbClient delegate;
    private final ReentrantLock lock;
    private final java.util.Map<String, java.util.concurrent.atomic.LongAdder> waitNanosByThread;

    private SerializedDynamoDb(DynamoDbClient delegate, ReentrantLock lock,
                               java.util.Map<String, java.util.concurrent.atomic.LongAdder> waitNanosByThread) {
        this.delegate = delegate;
        this.lock = lock;
        this.waitNanosByThread = waitNanosByThread;
    }

    /**
     * @param waitNanosByThread where the time each calling thread (name without its pool number) waited for another
     *                          thread's moto call is added up: a cost of this harness, which benchmarks report apart
     */
    static DynamoDbClient wrap(DynamoDbClient delegate, ReentrantLock lock,
                               java.util.Map<String, java.util.concurrent.atomic.LongAdder> waitNanosByThread) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, new SerializedDynamoDb(delegate, lock, waitNanosByThread));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "SerializedDynamoDb(" + delegate + ")";
            };
        }
        long waitFrom = System.nanoTime();
        lock.lock();
        try {
            waitNanosByThread.computeIfAbsent(ThreadPools.poolOf(Thread.currentThread()),
                    t -> new java.util.concurrent.atomic.LongAdder()).add(System.nanoTime() - waitFrom);
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            lock.unlock();
        }
    }
}
