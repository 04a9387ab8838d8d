package io.sagesync.local;

import io.sagesync.log.Log;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** An EventBridge schedule, locally: runs a target at a fixed rate on a daemon thread until closed. */
final class Schedule implements AutoCloseable {
    private static final Log LOG = Log.of(Schedule.class);

    private final ScheduledExecutorService executor;

    Schedule(String name, Duration rate, Runnable target) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("schedule-" + name)
                .daemon(true).unstarted(r));
        executor.scheduleAtFixedRate(() -> {
            try {
                target.run();
            } catch (RuntimeException e) {
                // a scheduled Lambda's failure is logged and the next tick runs anyway
                LOG.warn("scheduled target failed", "schedule", name, "exception", e.getClass().getSimpleName());
            }
        }, rate.toMillis(), rate.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
