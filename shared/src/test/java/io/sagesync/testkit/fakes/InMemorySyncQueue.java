package io.sagesync.testkit.fakes;

import io.sagesync.domain.SyncJob;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.SyncQueue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link SyncQueue} in memory; can be told to fail the next sends like an unreachable SQS. */
public final class InMemorySyncQueue implements SyncQueue {
    private final List<SyncJob> jobs = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    @Override
    public void enqueue(SyncJob job) {
        if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new InfrastructureException("injected: queue unavailable");
        }
        jobs.add(job);
    }

    public void failNext(int times) {
        failures.addAndGet(times);
    }

    public List<SyncJob> jobs() {
        return List.copyOf(jobs);
    }
}
