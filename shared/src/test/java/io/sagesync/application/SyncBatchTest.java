package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.adapter.sqs.SyncJobJson;
import io.sagesync.domain.EventName;
import io.sagesync.domain.PushJob;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.PushQueue;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.testkit.fakes.InMemoryBindingStore;
import io.sagesync.testkit.fakes.InMemoryMagentoGateway;
import io.sagesync.testkit.fakes.InMemoryRetryScheduler;
import io.sagesync.testkit.fakes.InMemorySageGateway;
import io.sagesync.testkit.fakes.InMemorySyncQueue;
import io.sagesync.testkit.fakes.InMemorySyncRunStore;
import io.sagesync.testkit.fakes.InMemoryXrefStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A batch of FIFO jobs with prefetched Magento bodies and run bookkeeping on the background lane: the same outcome
 * as one job at a time, and the partial-batch answer SQS needs when a tail fails or the invocation runs short.
 */
class SyncBatchTest {
    private static final String TENANT = "tenant-1";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String FIFO = "arn:aws:sqs:eu-west-2:1:sagesync-sync.fifo";
    private static final String RETRY = "arn:aws:sqs:eu-west-2:1:sagesync-retry";

    private final InMemoryMagentoGateway magento = new InMemoryMagentoGateway();
    private final InMemorySageGateway sage = new InMemorySageGateway();
    private final InMemorySyncRunStore runs = new InMemorySyncRunStore();
    private final InMemoryXrefStore xrefs = new InMemoryXrefStore();
    private final FlakyPushQueue pushes = new FlakyPushQueue();
    private final ExecutorService laneThread = SyncBatch.Pipeline.threads("test-lane", 1);
    private final ExecutorService prefetchThreads = SyncBatch.Pipeline.threads("test-prefetch", 3);
    private final CompletionLane lane = CompletionLane.background(laneThread);
    private final PrefetchingMagentoGateway prefetching = new PrefetchingMagentoGateway(magento, prefetchThreads);
    private Duration remaining = Duration.ofMinutes(5);
    private final InMemoryBindingStore bindings = new InMemoryBindingStore();
    private final BatchScopedPolicy policy = new BatchScopedPolicy(bindings);

    private final SyncBatch batch = new SyncBatch(new ProcessSyncJob(TENANT, runs,
            new ProcessSyncJob.Source(prefetching, new CanonicalJsonParser()),
            new ProcessSyncJob.Ledger(policy, sage, xrefs),
            new ProcessSyncJob.Queues(pushes, new InMemoryRetryScheduler(), new InMemorySyncQueue()),
            SyncWorkerSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC), lane),
            new SyncBatch.Pipeline(lane, prefetching, policy), () -> remaining, SyncJobJson::read);

    @AfterEach
    void stopThreads() {
        laneThread.shutdownNow();
        prefetchThreads.shutdownNow();
    }

    @Test
    void fiveInvoices_areEachPostedOnce_fetchedOnce_andCompletedInOrder_beforeTheBatchAnswers() {
        List<PartialBatch.Item> items = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            items.add(fifo(id));
        }

        assertThat(batch.run(items)).isEmpty();

        assertThat(sage.posted).extracting(r -> r.reference()).hasSize(5).doesNotHaveDuplicates();
        assertThat(magento.calls).isEqualTo(5);
        for (long id = 1; id <= 5; id++) {
            assertThat(runs.find("run-" + id).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        }
        assertThat(pushes.jobs()).extracting(PushJob::runId)
                .containsExactly("run-1", "run-2", "run-3", "run-4", "run-5");
    }

    @Test
    void thePolicyIsReadOncePerBatch_andAgainByTheNextBatch() {
        assertThat(batch.run(List.of(fifo(1), fifo(2), fifo(3)))).isEmpty();
        assertThat(bindings.policyReads).isEqualTo(1);

        assertThat(batch.run(List.of(fifo(4)))).isEmpty();
        assertThat(bindings.policyReads).isEqualTo(2);
        assertThat(sage.posted).hasSize(4);
    }

    @Test
    void eachJobGetsItsOwnEntitysBody() {
        for (long id = 1; id <= 3; id++) {
            magento.entities.put("invoice/" + id, CanonicalInvoices.builder(id).incrementId("INV-" + id).build());
        }

        assertThat(batch.run(List.of(fifo(1), fifo(2), fifo(3)))).isEmpty();

        assertThat(sage.posted).extracting(r -> r.reference()).containsExactly("INV-1", "INV-2", "INV-3");
    }

    @Test
    void aFailedTail_returnsItsMessageAndEveryLaterOne_andTheRedeliveryPostsNothingTwice() {
        pushes.failOnCall = 2;

        List<String> failed = batch.run(List.of(fifo(1), fifo(2), fifo(3)));

        assertThat(failed).containsExactly("m-2", "m-3");
        assertThat(runs.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runs.find("run-2").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

        pushes.failOnCall = 0;
        assertThat(batch.run(List.of(fifo(2), fifo(3)))).isEmpty();

        assertThat(sage.posted).hasSize(3);
        assertThat(runs.find("run-2").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runs.find("run-3").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void withLessThanTheStartReserveLeft_noJobStarts_andEveryMessageReturns() {
        remaining = SyncBatch.START_RESERVE.minusSeconds(1);

        assertThat(batch.run(List.of(fifo(1), fifo(2)))).containsExactly("m-1", "m-2");

        assertThat(sage.posted).isEmpty();
        assertThat(runs.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
    }

    @Test
    void theSameRunTwiceInABatch_isPostedOnce_andBothMessagesAreDone() {
        List<String> failed = batch.run(List.of(fifo(1), fifo(1)));

        assertThat(failed).isEmpty();
        assertThat(sage.posted).hasSize(1);
        assertThat(runs.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void anUnreadableMessage_failsItselfAndTheRest_andTheJobsBeforeItAreDone() {
        var broken = new PartialBatch.Item("m-x", "{not json", FIFO);

        assertThat(batch.run(List.of(fifo(1), broken, fifo(2)))).containsExactly("m-x", "m-2");

        assertThat(runs.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sage.posted).hasSize(1);
    }

    @Test
    void aDelayedRetry_isForwardedToTheFifoQueue_whateverTheFifoTailsDo() {
        SyncJob job = queued(7);

        assertThat(batch.run(List.of(new PartialBatch.Item("r-7", SyncJobJson.write(job), RETRY)))).isEmpty();

        assertThat(sage.posted).isEmpty();
        assertThat(runs.find("run-7").orElseThrow().enqueueCount()).isEqualTo(2);
    }

    @Test
    void aPipelineWhoseLaneIsNotTheWorkers_isRefused() {
        var worker = new ProcessSyncJob(TENANT, runs, new ProcessSyncJob.Source(magento, new CanonicalJsonParser()),
                new ProcessSyncJob.Ledger(new InMemoryBindingStore(), sage, xrefs),
                new ProcessSyncJob.Queues(pushes, new InMemoryRetryScheduler(), new InMemorySyncQueue()),
                SyncWorkerSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SyncBatch(worker,
                SyncBatch.Pipeline.laneOnly(lane), () -> remaining, SyncJobJson::read))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private PartialBatch.Item fifo(long id) {
        SyncJob job = runs.find("run-" + id).isPresent()
                ? new SyncJob("run-" + id, TENANT, EventName.INVOICE_CREATED, id, 1, 1, 1) : queued(id);
        return new PartialBatch.Item("m-" + id, SyncJobJson.write(job), FIFO);
    }

    private SyncJob queued(long id) {
        String runId = "run-" + id;
        runs.put(SyncRun.builder(new SyncRun.Subject(runId, TENANT, EventName.INVOICE_CREATED, id,
                "invoice.created:" + id), NOW).enqueued(true).build());
        magento.entities.putIfAbsent("invoice/" + id, CanonicalInvoices.gbpRegistered(id));
        return new SyncJob(runId, TENANT, EventName.INVOICE_CREATED, id, 1, 1, 1);
    }

    /** Records push jobs; its {@code failOnCall}-th enqueue fails as our own infrastructure would. */
    private static final class FlakyPushQueue implements PushQueue {
        private final List<PushJob> jobs = new ArrayList<>();
        private int calls;
        volatile int failOnCall;

        @Override
        public synchronized void enqueue(PushJob job) {
            calls++;
            if (calls == failOnCall) {
                throw new InfrastructureException("push queue unavailable");
            }
            jobs.add(job);
        }

        synchronized List<PushJob> jobs() {
            return List.copyOf(jobs);
        }
    }
}
