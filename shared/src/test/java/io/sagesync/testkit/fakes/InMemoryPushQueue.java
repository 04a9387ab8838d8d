package io.sagesync.testkit.fakes;

import io.sagesync.domain.PushJob;
import io.sagesync.port.PushQueue;
import java.util.ArrayList;
import java.util.List;

/** {@link PushQueue} that records what was enqueued. */
public final class InMemoryPushQueue implements PushQueue {
    private final List<PushJob> jobs = new ArrayList<>();

    @Override
    public synchronized void enqueue(PushJob job) {
        jobs.add(job);
    }

    public synchronized List<PushJob> jobs() {
        return List.copyOf(jobs);
    }
}
