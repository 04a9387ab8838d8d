package io.sagesync.testkit.fakes;

import io.sagesync.domain.SyncJob;
import io.sagesync.port.RetryScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link RetryScheduler} that records delayed retries and dead letters. */
public final class InMemoryRetryScheduler implements RetryScheduler {
    /** One delayed retry. */
    public record Delayed(SyncJob job, Duration delay) {
    }

    private final List<Delayed> delayed = new ArrayList<>();
    private final List<SyncJob> deadLetters = new ArrayList<>();

    @Override
    public synchronized void retryLater(SyncJob job, Duration delay) {
        delayed.add(new Delayed(job, delay));
    }

    @Override
    public synchronized void deadLetter(SyncJob job) {
        deadLetters.add(job);
    }

    public synchronized List<Delayed> delayed() {
        return List.copyOf(delayed);
    }

    public synchronized List<SyncJob> deadLetters() {
        return List.copyOf(deadLetters);
    }
}
