package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.domain.Xref;
import io.sagesync.domain.sage.SageContact;
import io.sagesync.port.MagentoCallException;
import io.sagesync.port.SageCallException;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.testkit.fakes.InMemoryBindingStore;
import io.sagesync.testkit.fakes.InMemoryMagentoGateway;
import io.sagesync.testkit.fakes.InMemoryPushQueue;
import io.sagesync.testkit.fakes.InMemoryRetryScheduler;
import io.sagesync.testkit.fakes.InMemorySageGateway;
import io.sagesync.testkit.fakes.InMemorySyncQueue;
import io.sagesync.testkit.fakes.InMemorySyncRunStore;
import io.sagesync.testkit.fakes.InMemoryXrefStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The use case on in-memory fakes of our ports: retry budget, backoff, exactly-once checks, classifications. */
class ProcessSyncJobTest {
    private static final String TENANT = "t1";
    private static final Instant NOW = Instant.parse("2026-05-03T10:00:00Z");

    private final InMemorySyncRunStore runs = new InMemorySyncRunStore();
    private final InMemoryXrefStore xrefs = new InMemoryXrefStore();
    private final InMemoryBindingStore bindings = new InMemoryBindingStore();
    private final InMemoryPushQueue pushes = new InMemoryPushQueue();
    private final InMemoryRetryScheduler retries = new InMemoryRetryScheduler();
    private final InMemorySyncQueue syncQueue = new InMemorySyncQueue();
    private final InMemoryMagentoGateway magento = new InMemoryMagentoGateway();
    private final InMemorySageGateway sage = new InMemorySageGateway();
    private final ProcessSyncJob useCase = new ProcessSyncJob(TENANT, runs,
            new ProcessSyncJob.Source(magento, new CanonicalJsonParser()),
            new ProcessSyncJob.Ledger(bindings, sage, xrefs),
            new ProcessSyncJob.Queues(pushes, retries, syncQueue),
            SyncWorkerSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void transientMagentoFailures_backOff30s2m5m15m_thenFailAndDeadLetter_withoutFailingTheFifoMessage() {
        SyncJob job = queued(EventName.INVOICE_CREATED, 42);
        for (int i = 0; i < 6; i++) {
            magento.failures.add(new MagentoCallException(MagentoCallException.Kind.TRANSIENT, 503, "down"));
            assertThat(useCase.process(job)).isTrue();
        }

        assertThat(retries.delayed()).extracting(InMemoryRetryScheduler.Delayed::delay).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofMinutes(15));
        assertThat(retries.deadLetters()).containsExactly(job);
        SyncRun run = runs.find(job.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass()).isEqualTo(ErrorClass.HTTP);
        assertThat(run.attempts()).isEqualTo(6);
        assertThat(pushes.jobs()).singleElement().extracting(p -> p.update().syncStatus())
                .isEqualTo(SyncStateUpdate.SyncStatus.FAILED);
    }

    @Test
    void aRedrivenFailedRun_runsAgainWithAFreshBudget() {
        SyncJob job = queued(EventName.INVOICE_CREATED, 42);
        for (int i = 0; i < 6; i++) {
            magento.failures.add(new MagentoCallException(MagentoCallException.Kind.TRANSIENT, 0, "timeout"));
            useCase.process(job);
        }
        magento.body = CanonicalInvoices.gbpRegistered(42);

        useCase.process(job);

        assertThat(runs.find(job.runId()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sage.posted).hasSize(1);
    }

    @Test
    void succeededRun_isAckedWithoutWork() {
        SyncJob job = queued(EventName.INVOICE_CREATED, 42);
        magento.body = CanonicalInvoices.gbpRegistered(42);
        useCase.process(job);
        int calls = magento.calls;

        assertThat(useCase.process(job)).isTrue();

        assertThat(magento.calls).isEqualTo(calls);
        assertThat(sage.posted).hasSize(1);
        assertThat(pushes.jobs()).hasSize(1);
    }

    @Test
    void invoiceXrefPresent_succeedsWithoutFetchingOrPosting() {
        xrefs.put("invoice:42", new Xref("sage-inv-1", "SI-1"));
        SyncJob job = queued(EventName.INVOICE_CREATED, 42);

        useCase.process(job);

        SyncRun run = runs.find(job.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.sageId()).isEqualTo("sage-inv-1");
        assertThat(magento.calls).isZero();
        assertThat(sage.posted).isEmpty();
    }

    @Test
    void unknownOutcome_isRetriedLater_withTheSameIdempotencyId() {
        magento.body = CanonicalInvoices.gbpRegistered(42);
        sage.postFailures.add(new SageCallException(SageCallException.Kind.UNKNOWN_OUTCOME, null, "500", null));
        SyncJob job = queued(EventName.INVOICE_CREATED, 42);

        useCase.process(job);
        assertThat(runs.find(job.runId()).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
        assertThat(retries.delayed()).hasSize(1);
        useCase.process(job);

        assertThat(sage.posted).hasSize(2);
        assertThat(sage.posted.get(0).idempotencyId()).isEqualTo(sage.posted.get(1).idempotencyId());
        assertThat(runs.find(job.runId()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(xrefs.find("invoice:42")).isPresent();
    }

    @Test
    void sageValidation_failsAtOnce_withDataCodeAndSourceInTheReason() {
        magento.body = CanonicalInvoices.gbpRegistered(42);
        sage.postFailures.add(new SageCallException(SageCallException.Kind.VALIDATION,
                "RecordInvalid@sales_invoice.reference", "422", null));
        SyncJob job = queued(EventName.INVOICE_CREATED, 42);

        useCase.process(job);

        SyncRun run = runs.find(job.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass()).isEqualTo(ErrorClass.VALIDATION);
        assertThat(run.reason()).contains("RecordInvalid@sales_invoice.reference");
        assertThat(retries.delayed()).isEmpty();
    }

    @Test
    void sageTotalDifferentFromGrandTotal_failsAsValidation_keepsTheDocument_andRecordsTheMismatch() {
        magento.body = CanonicalInvoices.gbpRegistered(42);
        sage.total = new BigDecimal("125.50");
        SyncJob job = queued(EventName.INVOICE_CREATED, 42);

        useCase.process(job);

        SyncRun run = runs.find(job.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass()).isEqualTo(ErrorClass.VALIDATION);
        assertThat(run.reason()).isEqualTo("reconciliation_mismatch");
        assertThat(run.reconciliation()).isEqualTo("total_amount 125.50 != grand_total 126.00");
        assertThat(run.sageId()).isNotNull();
        assertThat(runs.outcome(job.runId()).orElseThrow().totalMismatch()).isTrue();
        assertThat(pushes.jobs()).singleElement().satisfies(p ->
                assertThat(p.update().errorCode()).isEqualTo("validation"));
        // the document is in Sage: a re-fired run must not post it again
        assertThat(xrefs.find("invoice:42")).isPresent();
    }

    @Test
    void contactFoundUnderOurReference_butForAnotherEmail_isNeverBoundTo() {
        magento.body = CanonicalInvoices.gbpRegistered(42);
        sage.contactDetails.put("M5", new SageContact("someone-elses", "M5", "someone.else@example.com", "GBP"));
        SyncJob job = queued(EventName.INVOICE_CREATED, 42);

        useCase.process(job);

        SyncRun run = runs.find(job.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass()).isEqualTo(ErrorClass.VALIDATION);
        assertThat(run.reason()).isEqualTo("contact_reference_conflict: email");
        assertThat(sage.posted).isEmpty();
    }

    @Test
    void contactFoundUnderOurReference_forTheSameBuyer_isReused() {
        magento.body = CanonicalInvoices.gbpRegistered(42);
        sage.contactDetails.put("M5", new SageContact("janes", "M5", " Jane@Example.co.uk", "GBP"));
        SyncJob job = queued(EventName.INVOICE_CREATED, 42);

        useCase.process(job);

        assertThat(runs.find(job.runId()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sage.posted).singleElement().satisfies(r -> assertThat(r.contactId()).isEqualTo("janes"));
    }

    @Test
    void invoicePaid_beforeTheInvoiceIsInSage_waitsInTheRetryQueue_withoutCallingMagentoOrSage() {
        SyncJob job = queued(EventName.INVOICE_PAID, 42);

        useCase.process(job);

        SyncRun run = runs.find(job.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(retries.delayed()).hasSize(1);
        assertThat(pushes.jobs()).isEmpty();
        assertThat(magento.calls).isZero();
        assertThat(sage.posted).isEmpty();
    }

    @Test
    void retryQueueRecord_isForwardedToTheFifoQueueWithTheNextEnqueueCount() {
        SyncJob job = new SyncJob("r1", TENANT, EventName.INVOICE_CREATED, 42, 1, 1, 3);

        useCase.forwardRetry(job);

        assertThat(syncQueue.jobs()).singleElement().extracting(SyncJob::enqueueCount).isEqualTo(4);
    }

    @Test
    void aRetryRecordDeliveredTwice_takesTwoFreshStoredCounts_soNoDeduplicationIdIsEverReused() {
        SyncJob job = queued(EventName.INVOICE_CREATED, 42);

        useCase.forwardRetry(job);
        useCase.forwardRetry(job); // SQS redelivers the retry record, or a later retry of the same run

        assertThat(syncQueue.jobs()).extracting(SyncJob::enqueueCount).containsExactly(2, 3);
        SyncRun run = runs.find(job.runId()).orElseThrow();
        assertThat(run.enqueueCount()).isEqualTo(3);
        assertThat(run.enqueued()).isTrue();
    }

    @Test
    void aRetryRecordForAFinishedRun_isNotForwarded() {
        SyncJob job = queued(EventName.INVOICE_CREATED, 42);
        magento.body = CanonicalInvoices.gbpRegistered(42);
        useCase.process(job);

        useCase.forwardRetry(job);

        assertThat(syncQueue.jobs()).isEmpty();
    }

    @Test
    void aJobWhoseRunIsMissing_reMaterialisesTheRunFromTheJob_andSyncsIt() {
        magento.body = CanonicalInvoices.gbpRegistered(42);
        SyncJob job = new SyncJob("lost-run", TENANT, EventName.INVOICE_CREATED, 42, 1, 1, 1, "invoice.created:42");

        assertThat(useCase.process(job)).isTrue();

        SyncRun run = runs.find("lost-run").orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.idempotencyKey()).isEqualTo("invoice.created:42");
        assertThat(sage.posted).hasSize(1);
        assertThat(pushes.jobs()).singleElement().extracting(p -> p.update().syncStatus())
                .isEqualTo(SyncStateUpdate.SyncStatus.SYNCED);
    }

    private SyncJob queued(EventName event, long id) {
        String runId = "run-" + id + "-" + event.wireName();
        runs.put(SyncRun.builder(new SyncRun.Subject(runId, TENANT, event, id, event.wireName() + ":" + id), NOW)
                .enqueued(true).build());
        return new SyncJob(runId, TENANT, event, id, 1, 1, 1);
    }
}
