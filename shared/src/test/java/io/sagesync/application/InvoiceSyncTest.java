package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.sage.PostedInvoice;
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

/**
 * {@code invoice.created} (InvoiceSync, reached through ProcessSyncJob) on in-memory fakes of every port: the
 * exactly-once paths that protect the books when our own records are lost or Sage's idempotency window has passed.
 */
class InvoiceSyncTest {
    private static final String TENANT = "tenant-1";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final InMemoryMagentoGateway magento = new InMemoryMagentoGateway();
    private final InMemorySageGateway sage = new InMemorySageGateway();
    private InMemorySyncRunStore runs = new InMemorySyncRunStore();
    private InMemoryXrefStore xrefs = new InMemoryXrefStore();
    private ProcessSyncJob useCase = useCase();

    private ProcessSyncJob useCase() {
        return new ProcessSyncJob(TENANT, runs, new ProcessSyncJob.Source(magento, new CanonicalJsonParser()),
                new ProcessSyncJob.Ledger(new InMemoryBindingStore(), sage, xrefs),
                new ProcessSyncJob.Queues(new InMemoryPushQueue(), new InMemoryRetryScheduler(),
                        new InMemorySyncQueue()),
                SyncWorkerSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A fresh worker environment: no runs and no cross-references (as after a lost table), same Sage. */
    private void loseOurRecords() {
        runs = new InMemorySyncRunStore();
        xrefs = new InMemoryXrefStore();
        useCase = useCase();
    }

    @Test
    void youngRun_postsOnce_withoutLookingUpByReference() {
        magento.body = CanonicalInvoices.gbpRegistered(42);

        useCase.process(queued(42, NOW.minus(Duration.ofMinutes(1))));

        assertThat(sage.posted).hasSize(1);
        assertThat(sage.invoiceLookups).isEmpty();
        assertThat(runs.find("run-42").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void runOlderThanSagesReplayWindow_looksUpItsReferenceFirst_andPostsWhenSageHasNothing() {
        magento.body = CanonicalInvoices.gbpRegistered(42);

        useCase.process(queued(42, NOW.minus(Duration.ofDays(7))));

        assertThat(sage.posted).hasSize(1);
        assertThat(sage.invoiceLookups).containsExactly(sage.posted.get(0).reference());
    }

    @Test
    void runOlderThanSagesReplayWindow_adoptsTheInvoiceSageAlreadyHas_insteadOfPostingTwice() {
        magento.body = CanonicalInvoices.gbpRegistered(42);
        useCase.process(queued(42, NOW.minus(Duration.ofMinutes(1))));
        String reference = sage.posted.get(0).reference();
        sage.invoicesByReference.put(reference, new PostedInvoice("sage-existing", reference, "SI-7",
                new BigDecimal("126.00")));
        loseOurRecords();

        useCase.process(queued(42, NOW.minus(Duration.ofDays(7))));

        assertThat(sage.posted).hasSize(1);
        SyncRun run = runs.find("run-42").orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.sageId()).isEqualTo("sage-existing");
    }

    @Test
    void lostContactXref_reusesTheContactSageHas_insteadOfCreatingASecond() {
        magento.body = CanonicalInvoices.gbpRegistered(42);
        useCase.process(queued(42, NOW));
        String contactReference = sage.createdContacts.get(0).reference();
        sage.contacts.put(contactReference, "contact-existing");
        loseOurRecords();
        magento.body = CanonicalInvoices.gbpRegistered(43);

        useCase.process(queued(43, NOW));

        assertThat(sage.createdContacts).hasSize(1);
        assertThat(sage.posted).hasSize(2);
        assertThat(sage.posted.get(1).contactId()).isEqualTo("contact-existing");
    }

    @Test
    void referenceData_isReadOnce_forABacklogOfInvoices() {
        for (long id = 42; id < 52; id++) {
            magento.body = CanonicalInvoices.gbpRegistered(id);
            useCase.process(queued(id, NOW));
        }

        assertThat(sage.posted).hasSize(10);
        assertThat(sage.referenceDataReads).isEqualTo(1);
        // the contact was created for the first invoice; the other nine found it through its cross-reference
        assertThat(sage.createdContacts).hasSize(1);
    }

    @Test
    void sageRejectingTheInvoice_dropsTheCachedReferenceData_soTheNextJobReadsItAgain() {
        magento.body = CanonicalInvoices.gbpRegistered(42);
        sage.postFailures.add(new io.sagesync.port.SageCallException(
                io.sagesync.port.SageCallException.Kind.VALIDATION, 422, "RecordInvalid@tax_rate_id",
                "tax rate deleted", null));

        useCase.process(queued(42, NOW));
        magento.body = CanonicalInvoices.gbpRegistered(43);
        useCase.process(queued(43, NOW));

        assertThat(runs.find("run-42").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertThat(runs.find("run-43").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sage.referenceDataReads).isEqualTo(2);
    }

    @Test
    void aTransientSageFailure_keepsTheCachedReferenceData() {
        magento.body = CanonicalInvoices.gbpRegistered(42);
        sage.postFailures.add(new io.sagesync.port.SageCallException(
                io.sagesync.port.SageCallException.Kind.PROVIDER, 503, "unavailable", "try later", null));

        useCase.process(queued(42, NOW));
        magento.body = CanonicalInvoices.gbpRegistered(43);
        useCase.process(queued(43, NOW));

        assertThat(sage.referenceDataReads).isEqualTo(1);
    }

    private SyncJob queued(long id, Instant createdAt) {
        String runId = "run-" + id;
        runs.put(SyncRun.builder(new SyncRun.Subject(runId, TENANT, EventName.INVOICE_CREATED, id,
                "invoice.created:" + id), createdAt).enqueued(true).build());
        return new SyncJob(runId, TENANT, EventName.INVOICE_CREATED, id, 1, 1, 1);
    }
}
