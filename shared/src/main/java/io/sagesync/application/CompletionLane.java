package io.sagesync.application;

import io.sagesync.log.Log;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * Where a synced job's writes run once its document is in Sage: its cross-references ({@link BatchXrefs}, submitted
 * for the current run), then the push job, the terminal run status, the gauges and the day's totals ({@link
 * ProcessSyncJob}). Later jobs of the batch read the cross-references from the batch's own view, and the rest touch
 * only that run's items and commutative counters, so in a batch they can run on one background thread, in order,
 * while the next job waits on Sage: that is what keeps a backlog's drain close to the Sage-bound floor
 * ({@code docs/benchmarks.md}).
 *
 * <p>The batch ({@link SyncBatch}) waits for every tail before it answers Lambda, and reports the first failed tail's
 * message and every later one as failures, so SQS redelivers them and the worker redoes them (the xref, or failing
 * that the deterministic {@code idempotency_id}, makes that a no-op in Sage). {@link #inline()} runs each tail on the
 * caller, exactly as before batching.
 */
public final class CompletionLane {
    private static final Log LOG = Log.of(CompletionLane.class);

    private final ExecutorService executor;
    private final Map<String, CompletableFuture<Void>> pending = new LinkedHashMap<>();
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    /** The run whose job is being processed ({@link #enter}): writes made for it join its tail. */
    private String current;

    private CompletionLane(ExecutorService executor) {
        this.executor = executor;
    }

    /** Every tail runs on the caller's thread; its exception reaches the caller. */
    public static CompletionLane inline() {
        return new CompletionLane(null);
    }

    /** Tails run on {@code singleThread} in submission order (one thread: the order of push jobs is kept). */
    public static CompletionLane background(ExecutorService singleThread) {
        return new CompletionLane(singleThread);
    }

    /** Runs or queues the tail of run {@code runId}. */
    public synchronized void submit(String runId, Runnable tail) {
        if (executor == null) {
            tail.run();
            return;
        }
        Map<String, String> context = Log.context();
        Runnable withContext = () -> {
            Log.restoreContext(context);
            try {
                tail.run();
            } finally {
                Log.clearContext();
            }
        };
        // in order, and never after a failed one: a later push must not overtake an earlier run's failed status
        last = last.thenRunAsync(withContext, executor);
        pending.put(runId, last);
    }

    /**
     * Runs or queues {@code write} as part of the current run's tail ({@link #enter}), ahead of the completion the
     * run's job submits when it ends; with no current run, or inline, it runs now on the caller.
     */
    public void submitForCurrentRun(Runnable write) {
        String run;
        synchronized (this) {
            run = current;
        }
        if (executor == null || run == null) {
            write.run();
            return;
        }
        submit(run, write);
    }

    /**
     * The batch is about to process {@code runId}'s job: waits for that run's pending tail (the same run twice in a
     * batch), then makes it the current run.
     */
    public void enter(String runId) {
        awaitRun(runId);
        synchronized (this) {
            current = runId;
        }
    }

    /** Waits for the tail of {@code runId} if one is pending (the same run twice in a batch). */
    public void awaitRun(String runId) {
        CompletableFuture<Void> tail;
        synchronized (this) {
            tail = pending.get(runId);
        }
        if (tail != null) {
            waitFor(tail);
        }
    }

    /**
     * Waits for every pending tail.
     *
     * @return the runs whose tail did not complete (the first that failed, and every later one), in order
     */
    public List<String> drain() {
        Map<String, CompletableFuture<Void>> tails;
        synchronized (this) {
            tails = new LinkedHashMap<>(pending);
            pending.clear();
            last = CompletableFuture.completedFuture(null);
            current = null;
        }
        List<String> notDone = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<Void>> e : tails.entrySet()) {
            if (!waitFor(e.getValue())) {
                notDone.add(e.getKey());
            }
        }
        if (!notDone.isEmpty()) {
            LOG.error("run bookkeeping not done; these runs' messages return to the queue", "first_run_id",
                    notDone.get(0), "runs", notDone.size());
        }
        return notDone;
    }

    private static boolean waitFor(CompletableFuture<Void> tail) {
        try {
            tail.get();
            return true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException wrapped
                    && wrapped.getCause() != null ? wrapped.getCause() : e.getCause();
            LOG.warn("run bookkeeping failed", "error", cause == null ? "unknown" : cause.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
