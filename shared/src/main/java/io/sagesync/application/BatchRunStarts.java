package io.sagesync.application;

import io.sagesync.domain.RunStart;
import io.sagesync.log.Log;
import io.sagesync.port.RunLifecycle;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The run life cycle as one batch of the sync worker sees it ({@link SyncBatch}): the next job's run is moved to
 * {@code running} while the job before it waits on Sage ({@link Lookahead}), so that write is not between two of the
 * tenant's Sage calls. The job then takes that start as its own, with the same answer a direct start would have given
 * (including its failure, rethrown on the job's thread).
 *
 * <p>A run started ahead whose job does not run after all (an earlier job of the batch failed the rest, or the
 * invocation ran short) is left {@code running}, exactly as if its attempt had crashed: its message is redelivered and
 * the next start continues the run's retry cycle. The lookahead only starts a job when the invocation has time for it
 * and the job before it ({@link SyncBatch#START_RESERVE} each), so this costs at most one attempt of the budget, in
 * those rare cases. Every other call goes straight to the store.
 */
public final class BatchRunStarts extends ForwardingRunLifecycle {
    private static final Log LOG = Log.of(BatchRunStarts.class);

    private final ExecutorService pool;
    private final Clock clock;
    private final Map<String, Future<Optional<RunStart>>> startedAhead = new ConcurrentHashMap<>();

    public BatchRunStarts(RunLifecycle runs, ExecutorService pool, Clock clock) {
        super(runs);
        this.pool = Objects.requireNonNull(pool, "pool");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts {@code runId} now, in the background; its job's {@link #start} takes the result. */
    public void startAhead(String runId) {
        Map<String, String> context = Log.context();
        startedAhead.computeIfAbsent(runId, id -> pool.submit(() -> {
            Log.restoreContext(context);
            Log.withContext("run_id", id);
            try {
                return super.start(id, clock.instant());
            } finally {
                Log.clearContext();
            }
        }));
    }

    /**
     * Drops starts no job took (their runs stay {@code running}, as after a crash); called when the batch ends. It
     * waits for such a start to land first, so it can never race the start of the message's redelivery.
     */
    public void forget() {
        if (!startedAhead.isEmpty()) {
            LOG.info("runs started ahead whose jobs did not run; their messages return to the queue", "runs",
                    startedAhead.size());
        }
        for (Future<Optional<RunStart>> start : startedAhead.values()) {
            try {
                start.get();
            } catch (ExecutionException e) {
                // nothing to undo: the start did not happen
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        startedAhead.clear();
    }

    @Override
    public Optional<RunStart> start(String runId, Instant now) {
        Future<Optional<RunStart>> ahead = startedAhead.remove(runId);
        if (ahead == null) {
            return super.start(runId, now);
        }
        try {
            return ahead.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // what the direct start would have thrown
            }
            throw new IllegalStateException("run start failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting run " + runId, e);
        }
    }
}
