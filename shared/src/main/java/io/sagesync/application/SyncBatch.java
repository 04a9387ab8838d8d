package io.sagesync.application;

import io.sagesync.domain.SyncJob;
import io.sagesync.log.Log;
import io.sagesync.port.CallBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One SQS batch of the sync worker: the FIFO group's next jobs in order (or delayed retries to forward), with the
 * work that does not need Sage taken off the path between Sage calls, because one tenant's drain rate is bounded by
 * its Sage calls in series ({@code docs/benchmarks.md}, backlog drain):
 * <ul>
 *   <li>every job's Magento body is fetched when the batch arrives ({@link PrefetchingMagentoGateway}), and the
 *       merchant's policy is read once for the batch ({@link BatchScopedPolicy});</li>
 *   <li>while a job waits on Sage, the next one is prepared ({@link Lookahead}): its run started and its
 *       cross-references read;</li>
 *   <li>each job's writes after its Sage call (cross-references, push job, run status, gauges, totals) run on the
 *       {@link CompletionLane} while the next job proceeds;</li>
 *   <li>a FIFO job starts only while {@link #START_RESERVE} of the invocation is left; the rest go back to the queue
 *       untouched, so a slow Sage can never time out a batch.</li>
 * </ul>
 * The answer follows SQS partial-batch rules ({@link PartialBatch}): a FIFO message that is not done fails itself and
 * every later message of the batch; a failed bookkeeping tail counts as its message not done.
 */
public final class SyncBatch {
    private static final Log LOG = Log.of(SyncBatch.class);
    /**
     * Time a FIFO job needs before it may start: its Sage and Magento calls at their timeouts with in-process
     * retries, with room to spare. With template.yaml's 300 s timeout at least 4 jobs start per invocation, so of 10
     * messages a batch the last is left untouched at most twice before it runs; if every job took its whole reserve,
     * 9 times, still below the queue's receive limit of 12.
     */
    public static final Duration START_RESERVE = Duration.ofSeconds(60);

    private final ProcessSyncJob jobs;
    private final Pipeline pipeline;
    private final CallBudget deadline;
    private final Function<String, SyncJob> readJob;

    /**
     * How a batch overlaps its jobs' I/O: the lane {@link ProcessSyncJob} completes runs on, the prefetching gateway
     * it fetches through (null: no prefetch), the binding whose policy it reads once per batch (null: per job), and
     * the lookahead that prepares the next job while the current one waits on Sage (null: none; it must share the
     * worker's run store and xref store, {@link BatchRunStarts} and {@link BatchXrefs}).
     */
    public record Pipeline(CompletionLane lane, PrefetchingMagentoGateway prefetch, BatchScopedPolicy policy,
                           Lookahead lookahead) {
        public Pipeline {
            Objects.requireNonNull(lane, "lane");
            if (lookahead != null && prefetch == null) {
                throw new IllegalArgumentException("the lookahead reads the prefetched bodies: it needs the prefetch");
            }
        }

        /** Without a lookahead: each job starts its run and reads its xrefs when its turn comes. */
        public Pipeline(CompletionLane lane, PrefetchingMagentoGateway prefetch, BatchScopedPolicy policy) {
            this(lane, prefetch, policy, null);
        }

        /** The lane alone: no prefetch, the policy read per job. */
        public static Pipeline laneOnly(CompletionLane lane) {
            return new Pipeline(lane, null, null, null);
        }

        /** A bounded pool of daemon threads that end when idle (they never keep a JVM or a test run alive). */
        public static ExecutorService threads(String name, int size) {
            var pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    Thread.ofPlatform().daemon(true).name(name + "-", 0).factory());
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }

    /** @param readJob parses a message body into a job (throws on an unreadable one: the message fails) */
    public SyncBatch(ProcessSyncJob jobs, Pipeline pipeline, CallBudget deadline, Function<String, SyncJob> readJob) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        if (pipeline.lane() != jobs.completions()) {
            // the batch must wait for the very tails the worker queues, or it would answer before they are done
            throw new IllegalArgumentException("the pipeline's lane must be the one the worker completes runs on");
        }
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.readJob = Objects.requireNonNull(readJob, "readJob");
    }

    /** @return the ids of the messages SQS must deliver again, in batch order */
    public List<String> run(List<PartialBatch.Item> items) {
        Map<String, String> runOfMessage = new HashMap<>();
        Map<String, SyncJob> jobOfMessage = readable(items);
        Set<String> soleJobRuns = soleJobRuns(items, jobOfMessage);
        Map<String, SyncJob> nextOfMessage = nextFifoJobs(items, jobOfMessage, soleJobRuns);
        // runs prepared so far: each once, as the next job or, for the batch's first, as its own
        Set<String> prepared = new HashSet<>();
        forgetPolicy();
        try {
            if (pipeline.prefetch() != null) {
                pipeline.prefetch().prefetch(items.stream().filter(PartialBatch.Item::fromFifoQueue)
                        .map(i -> jobOfMessage.get(i.messageId())).filter(Objects::nonNull).toList());
            }
            List<String> failed = PartialBatch.process(items, item -> {
                if (item.fromFifoQueue() && deadline.remaining().compareTo(START_RESERVE) < 0) {
                    LOG.warn("invocation nearly over; job left in the queue for the next one", "message_id",
                            item.messageId());
                    return false;
                }
                try {
                    SyncJob job = jobOfMessage.get(item.messageId());
                    if (job == null) {
                        job = readJob.apply(item.body()); // unreadable: fails here, in its turn
                    }
                    runOfMessage.put(item.messageId(), job.runId());
                    pipeline.lane().enter(job.runId()); // the same run twice in one batch: one after the other
                    if (!item.fromFifoQueue()) {
                        return jobs.forwardRetry(job);
                    }
                    if (soleJobRuns.contains(job.runId())) {
                        prepare(job, nextOfMessage.get(item.messageId()), prepared);
                    }
                    return jobs.process(job);
                } catch (RuntimeException e) {
                    LOG.warn("message not done; SQS will redeliver it", "message_id", item.messageId(),
                            "exception", e.getClass().getName());
                    throw e;
                }
            });
            return withFailedTails(items, failed, pipeline.lane().drain(), runOfMessage);
        } finally {
            if (pipeline.prefetch() != null) {
                pipeline.prefetch().forget();
            }
            if (pipeline.lookahead() != null) {
                pipeline.lookahead().forget();
            }
            forgetPolicy();
        }
    }

    /**
     * Before a FIFO job runs: prepares it if nothing did (the batch's first), and the next one while this one waits
     * on Sage, if the invocation has time for both ({@link BatchRunStarts} explains why that bound matters).
     */
    private void prepare(SyncJob job, SyncJob next, Set<String> prepared) {
        Lookahead lookahead = pipeline.lookahead();
        if (lookahead == null) {
            return;
        }
        if (prepared.add(job.runId())) {
            lookahead.prepare(job);
        }
        if (next != null && deadline.remaining().compareTo(START_RESERVE.multipliedBy(2)) >= 0
                && prepared.add(next.runId())) {
            lookahead.prepare(next);
        }
    }

    private void forgetPolicy() {
        if (pipeline.policy() != null) {
            pipeline.policy().forget();
        }
    }

    /** Every message's job, parsed once; an unreadable one is left out (it fails when its turn comes). */
    private Map<String, SyncJob> readable(List<PartialBatch.Item> items) {
        Map<String, SyncJob> jobs = new HashMap<>();
        for (PartialBatch.Item item : items) {
            try {
                jobs.put(item.messageId(), readJob.apply(item.body()));
            } catch (RuntimeException unreadable) {
                // reported when its turn comes
            }
        }
        return jobs;
    }

    /**
     * The runs with exactly one readable FIFO job in the batch: only those are prepared ahead (a run's second job
     * must see what its first one did).
     */
    private static Set<String> soleJobRuns(List<PartialBatch.Item> items, Map<String, SyncJob> jobs) {
        Map<String, Integer> jobsOfRun = new HashMap<>();
        items.stream().filter(PartialBatch.Item::fromFifoQueue).map(i -> jobs.get(i.messageId()))
                .filter(Objects::nonNull).forEach(j -> jobsOfRun.merge(j.runId(), 1, Integer::sum));
        Set<String> sole = new HashSet<>();
        jobsOfRun.forEach((run, count) -> {
            if (count == 1) {
                sole.add(run);
            }
        });
        return sole;
    }

    /** For each FIFO message, the job of the FIFO message after it, when that job may be prepared ahead. */
    private static Map<String, SyncJob> nextFifoJobs(List<PartialBatch.Item> items, Map<String, SyncJob> jobs,
                                                     Set<String> soleJobRuns) {
        List<PartialBatch.Item> fifo = items.stream().filter(PartialBatch.Item::fromFifoQueue).toList();
        Map<String, SyncJob> next = new HashMap<>();
        for (int i = 0; i + 1 < fifo.size(); i++) {
            SyncJob following = jobs.get(fifo.get(i + 1).messageId());
            if (following != null && soleJobRuns.contains(following.runId())) {
                next.put(fifo.get(i).messageId(), following);
            }
        }
        return next;
    }

    /** Adds the message of the first failed tail and every later FIFO message, keeping batch order. */
    private static List<String> withFailedTails(List<PartialBatch.Item> items, List<String> failed,
                                                List<String> failedTailRuns, Map<String, String> runOfMessage) {
        if (failedTailRuns.isEmpty()) {
            return failed;
        }
        Set<String> failedRuns = new HashSet<>(failedTailRuns);
        Set<String> failedIds = new HashSet<>(failed);
        List<String> all = new ArrayList<>();
        boolean failRest = false;
        for (PartialBatch.Item item : items) {
            if (item.fromFifoQueue() && failedRuns.contains(runOfMessage.get(item.messageId()))) {
                failRest = true;
            }
            if (failedIds.contains(item.messageId()) || failRest && item.fromFifoQueue()) {
                all.add(item.messageId());
            }
        }
        return all;
    }
}
