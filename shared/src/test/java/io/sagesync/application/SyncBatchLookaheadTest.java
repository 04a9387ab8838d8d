package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.adapter.sqs.SyncJobJson;
import io.sagesync.domain.EventName;
import io.sagesync.domain.PushJob;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.SageGateway;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.testkit.fakes.InMemoryBindingStore;
import io.sagesync.testkit.fakes.InMemoryMagentoGateway;
import io.sagesync.testkit.fakes.InMemoryPushQueue;
import io.sagesync.testkit.fakes.InMemoryRetryScheduler;
import io.sagesync.testkit.fakes.InMemorySageGateway;
import io.sagesync.testkit.fakes.InMemorySyncQueue;
import io.sagesync.testkit.fakes.InMemorySyncRunStore;
import io.sagesync.testkit.fakes.InMemoryXrefStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batch with its lookahead, as the sync function wires it: while a job's invoice is being posted, the next job's
 * run is already started and its xrefs read; writes trail on the lane; and every job still sees what the jobs before
 * it wrote (the same customer's contact, the invoice a payment is allocated to).
 */
class SyncBatchLookaheadTest {
    private static final String TENANT = "tenant-1";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String FIFO = "arn:aws:sqs:eu-west-2:1:sagesync-sync.fifo";

    private final InMemoryMagentoGateway magento = new InMemoryMagentoGateway();
    private final InMemorySageGateway sage = new InMemorySageGateway();
    private final InMemorySyncRunStore runs = new InMemorySyncRunStore();
    private final InMemoryXrefStore store = new InMemoryXrefStore();
    private final InMemoryPushQueue pushes = new InMemoryPushQueue();
    private final ExecutorService laneThread = SyncBatch.Pipeline.threads("test-lane", 1);
    private final ExecutorService prefetchThreads = SyncBatch.Pipeline.threads("test-prefetch", 3);
    private final ExecutorService readThreads = SyncBatch.Pipeline.threads("test-reads", 2);
    private final ExecutorService aheadThreads = SyncBatch.Pipeline.threads("test-ahead", 2);
    private final CompletionLane lane = CompletionLane.background(laneThread);
    private final PrefetchingMagentoGateway prefetching = new PrefetchingMagentoGateway(magento, prefetchThreads);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final BatchRunStarts batchRuns = new BatchRunStarts(runs, readThreads, clock);
    private final BatchXrefs xrefs = new BatchXrefs(store, readThreads, lane);
    private final InMemoryBindingStore bindings = new InMemoryBindingStore();
    private final BatchScopedPolicy policy = new BatchScopedPolicy(bindings);
    /** What was true of the next run when each invoice was posted, by the posted invoice's Magento reference. */
    private final Map<String, Boolean> nextStartedDuringPost = new ConcurrentHashMap<>();
    private final Map<String, Boolean> nextReadDuringPost = new ConcurrentHashMap<>();
    private Duration remaining = Duration.ofMinutes(5);
    private Duration waitForLookahead = Duration.ofSeconds(5);

    private final SyncBatch batch = new SyncBatch(new ProcessSyncJob(TENANT, batchRuns,
            new ProcessSyncJob.Source(prefetching, new CanonicalJsonParser()),
            new ProcessSyncJob.Ledger(policy, observingPosts(), xrefs),
            new ProcessSyncJob.Queues(pushes, new InMemoryRetryScheduler(), new InMemorySyncQueue()),
            SyncWorkerSettings.defaults(), clock, lane),
            new SyncBatch.Pipeline(lane, prefetching, policy,
                    new Lookahead(batchRuns, xrefs, prefetching, new CanonicalJsonParser(), aheadThreads)),
            () -> remaining, SyncJobJson::read);

    @AfterEach
    void stopThreads() {
        laneThread.shutdownNow();
        prefetchThreads.shutdownNow();
        readThreads.shutdownNow();
        aheadThreads.shutdownNow();
    }

    @Test
    void whileAnInvoiceIsPosted_theNextJobsRunIsStarted_andItsInvoiceXrefRead() {
        assertThat(batch.run(List.of(fifo(1), fifo(2), fifo(3)))).isEmpty();

        assertThat(nextStartedDuringPost).containsEntry("INV-1", true).containsEntry("INV-2", true);
        assertThat(nextReadDuringPost).containsEntry("INV-1", true).containsEntry("INV-2", true);
        assertThat(sage.posted).extracting(r -> r.reference()).containsExactly("INV-1", "INV-2", "INV-3");
        for (long id = 1; id <= 3; id++) {
            assertThat(runs.find("run-" + id).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(store.all()).containsKey("invoice:" + id);
            assertThat(store.readsOf("invoice:" + id)).isEqualTo(1);
        }
    }

    @Test
    void aCustomersNextInvoices_useTheContactTheFirstCreated_beforeItsXrefIsDurable() {
        List<PartialBatch.Item> items = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            items.add(fifo(id)); // all Jane Smith's (customer 5)
        }

        assertThat(batch.run(items)).isEmpty();

        assertThat(sage.createdContacts).hasSize(1);
        assertThat(sage.posted).extracting(r -> r.contactId()).containsOnly(sage.posted.get(0).contactId());
        assertThat(store.readsOf("contact:M5:GBP")).isEqualTo(1); // the first job's; the rest saw its write
        assertThat(store.all()).containsKey("contact:M5:GBP");
        assertThat(pushes.jobs()).extracting(PushJob::runId)
                .containsExactly("run-1", "run-2", "run-3", "run-4", "run-5");
    }

    @Test
    void anInvoiceAndItsPaymentInOneBatch_postTheInvoiceOnce_andAllocateToIt() {
        magento.payment = "{\"magento_id\":1,\"invoice_id\":1,\"invoice_increment_id\":\"INV-1\","
                + "\"method\":\"checkmo\",\"currency\":\"GBP\",\"amount\":126.0,"
                + "\"captured_at\":\"2026-03-01T09:30:00Z\",\"gateway_txn_id\":null,\"gateway_metadata\":[]}";
        // what Sage will answer for the invoice the batch posts (the fake reads back only this one)
        String posted = "sage-" + io.sagesync.domain.sage.IdempotencyIds.of(TENANT,
                io.sagesync.domain.EntityType.INVOICE, 1, EventName.INVOICE_CREATED);
        sage.invoice = new io.sagesync.domain.sage.SageSalesInvoice(posted, "SI-1", "contact-1", "GBP",
                java.math.BigDecimal.ONE, new java.math.BigDecimal("126.00"), new java.math.BigDecimal("126.00"));
        bindings.savePolicy(new io.sagesync.adapter.policy.SyncPolicyJson().parse(
                "{\"default_bank_account_id\":\"bank-default\"}"));

        assertThat(batch.run(List.of(fifo(1), paid(1)))).isEmpty();

        assertThat(sage.posted).hasSize(1);
        assertThat(sage.payments).hasSize(1);
        assertThat(store.all().get("invoice:1").sageId()).isEqualTo(posted);
        assertThat(sage.payments.get(0).allocations()).extracting(a -> a.artefactId()).containsExactly(posted);
        assertThat(runs.find("run-1-paid").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void withTimeForOnlyOneJob_theNextRunIsNotStartedAhead() {
        remaining = SyncBatch.START_RESERVE.multipliedBy(2).minusSeconds(1);
        waitForLookahead = Duration.ofMillis(300);

        assertThat(batch.run(List.of(fifo(1), fifo(2)))).isEmpty();

        assertThat(nextStartedDuringPost).containsEntry("INV-1", false);
        assertThat(runs.find("run-2").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aRunsSecondJobInTheBatch_isNotPreparedAhead_andIsPostedOnce() {
        waitForLookahead = Duration.ofMillis(300);

        assertThat(batch.run(List.of(fifo(1), fifo(1)))).isEmpty();

        assertThat(sage.posted).hasSize(1);
        assertThat(runs.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runs.find("run-1").orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void withOneThreadForEveryReadAndPreparation_aBatchOfNewBuyersStillCompletes() {
        // the worst sharing: a preparation waits for its body, then reads on its own thread, never on the pool
        ExecutorService one = SyncBatch.Pipeline.threads("test-one", 1);
        try {
            var runsAhead = new BatchRunStarts(runs, one, clock);
            var sharedXrefs = new BatchXrefs(store, one, lane);
            var tight = new SyncBatch(new ProcessSyncJob(TENANT, runsAhead,
                    new ProcessSyncJob.Source(prefetching, new CanonicalJsonParser()),
                    new ProcessSyncJob.Ledger(policy, sage, sharedXrefs),
                    new ProcessSyncJob.Queues(pushes, new InMemoryRetryScheduler(), new InMemorySyncQueue()),
                    SyncWorkerSettings.defaults(), clock, lane),
                    new SyncBatch.Pipeline(lane, prefetching, policy,
                            new Lookahead(runsAhead, sharedXrefs, prefetching, new CanonicalJsonParser(), one)),
                    () -> remaining, SyncJobJson::read);
            List<PartialBatch.Item> items = new ArrayList<>();
            for (long id = 1; id <= 5; id++) {
                magento.entities.put("invoice/" + id, CanonicalInvoices.builder(id).incrementId("INV-" + id)
                        .customer(io.sagesync.simulator.magento.CanonicalContacts.janeSmith(100 + id)).build());
                items.add(fifo(id));
            }

            List<String> failed = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> tight.run(items));

            assertThat(failed).isEmpty();
            assertThat(sage.createdContacts).hasSize(5);
            assertThat(sage.posted).hasSize(5);
            for (long id = 1; id <= 5; id++) {
                assertThat(store.readsOf("contact:M" + (100 + id) + ":GBP")).isEqualTo(1);
            }
        } finally {
            one.shutdownNow();
        }
    }

    /** Sage, recording at each invoice POST whether the next run (by id) was already started and read. */
    private SageGateway observingPosts() {
        return (SageGateway) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{SageGateway.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createSalesInvoice")) {
                        var request = (io.sagesync.domain.sage.SageSalesInvoiceRequest) args[0];
                        long id = Long.parseLong(request.reference().substring("INV-".length()));
                        String next = "run-" + (id + 1);
                        if (runs.find(next).isPresent()) {
                            nextStartedDuringPost.put(request.reference(), eventually(() ->
                                    runs.find(next).orElseThrow().status() == RunStatus.RUNNING));
                            nextReadDuringPost.put(request.reference(), eventually(() ->
                                    store.readsOf("invoice:" + (id + 1)) == 1));
                        }
                    }
                    try {
                        return method.invoke(sage, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private boolean eventually(BooleanSupplier condition) {
        long until = System.nanoTime() + waitForLookahead.toNanos();
        while (System.nanoTime() < until) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return condition.getAsBoolean();
    }

    private PartialBatch.Item fifo(long id) {
        return new PartialBatch.Item("m-" + id + "-" + System.nanoTime(), SyncJobJson.write(queued(id,
                EventName.INVOICE_CREATED, "run-" + id)), FIFO);
    }

    private PartialBatch.Item paid(long id) {
        return new PartialBatch.Item("m-" + id + "-paid", SyncJobJson.write(queued(id, EventName.INVOICE_PAID,
                "run-" + id + "-paid")), FIFO);
    }

    private SyncJob queued(long id, EventName event, String runId) {
        if (runs.find(runId).isEmpty()) {
            runs.put(SyncRun.builder(new SyncRun.Subject(runId, TENANT, event, id, event.wireName() + ":" + id), NOW)
                    .enqueued(true).build());
        }
        magento.entities.putIfAbsent("invoice/" + id, CanonicalInvoices.builder(id).incrementId("INV-" + id)
                .build());
        return new SyncJob(runId, TENANT, event, id, 1, 1, 1);
    }
}
