package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.domain.DocumentTotals;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.sage.PostedInvoice;
import io.sagesync.domain.sage.SageReferenceData;
import io.sagesync.simulator.magento.CanonicalContacts;
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
import java.util.List;
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
    private final InMemoryBindingStore bindings = new InMemoryBindingStore();
    private InMemorySyncRunStore runs = new InMemorySyncRunStore();
    private InMemoryXrefStore xrefs = new InMemoryXrefStore();
    private ProcessSyncJob useCase = useCase();

    private ProcessSyncJob useCase() {
        return new ProcessSyncJob(TENANT, runs, new ProcessSyncJob.Source(magento, new CanonicalJsonParser()),
                new ProcessSyncJob.Ledger(bindings, sage, xrefs),
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
    void longRegisteredBuyerWithoutXref_isSearchedInSageBeforeTheContactIsCreated() {
        magento.body = CanonicalInvoices.gbpRegistered(42); // registered 2026-01-10, weeks before NOW

        useCase.process(queued(42, NOW));

        assertThat(sage.contactLookups).hasSize(1);
        assertThat(sage.createdContacts).hasSize(1);
    }

    @Test
    void buyerRegisteredWithinSagesReplayWindow_getsTheContactCreated_withoutASearch() {
        magento.body = invoiceOfBuyerRegisteredAt(42, NOW.minus(Duration.ofDays(2)));

        useCase.process(queued(42, NOW));

        assertThat(sage.contactLookups).isEmpty();
        assertThat(sage.createdContacts).singleElement()
                .satisfies(c -> assertThat(c.idempotencyId()).isNotBlank());
        assertThat(sage.posted.get(0).contactId()).isEqualTo("contact-" + sage.createdContacts.get(0).reference());
    }

    @Test
    void buyerRegisteredWithinTheWindow_whoseReferenceSageHolds_isSearchedAfterTheRefusedCreate_andBound() {
        magento.body = invoiceOfBuyerRegisteredAt(42, NOW.minus(Duration.ofDays(2)));
        sage.contacts.put("M5", "contact-existing");

        useCase.process(queued(42, NOW));

        assertThat(sage.contactLookups).containsExactly("M5");
        assertThat(sage.createdContacts).isEmpty();
        assertThat(sage.posted.get(0).contactId()).isEqualTo("contact-existing");
    }

    @Test
    void buyerRegisteredWithinTheWindow_whoseReferenceHoldsSomeoneElse_failsTheRun_postingNothing() {
        magento.body = invoiceOfBuyerRegisteredAt(42, NOW.minus(Duration.ofDays(2)));
        sage.contactDetails.put("M5", new io.sagesync.domain.sage.SageContact("contact-other", "M5",
                "someone.else@example.com", "GBP"));

        useCase.process(queued(42, NOW));

        assertThat(sage.posted).isEmpty();
        assertThat(runs.find("run-42").orElseThrow().reason()).startsWith(ContactResolver.CONTACT_REFERENCE_CONFLICT);
    }

    /** Jane Smith (customer 5) with her Magento account created at {@code registeredAt}. */
    private static String invoiceOfBuyerRegisteredAt(long invoiceId, Instant registeredAt) {
        var jane = CanonicalContacts.janeSmith(5);
        var recent = new CanonicalContacts.Contact(jane.magentoId(), jane.email(), jane.firstName(), jane.lastName(),
                jane.company(), jane.phone(), jane.websiteId(), jane.groupId(), jane.addresses(),
                registeredAt.toString(), registeredAt.toString());
        return CanonicalInvoices.builder(invoiceId).customer(recent).build();
    }

    @Test
    void postedInvoice_recordsBothTotals_forReconciliationPerDay() {
        magento.body = CanonicalInvoices.gbpRegistered(42);

        useCase.process(queued(42, NOW));

        DocumentTotals totals = runs.outcome("run-42").orElseThrow().totals();
        assertThat(totals.kind()).isEqualTo(DocumentTotals.Kind.INVOICE);
        assertThat(totals.date()).isEqualTo(sage.posted.get(0).date());
        assertThat(totals.currency()).isEqualTo("GBP");
        assertThat(totals.magentoTotal()).isEqualByComparingTo("126.00");
        assertThat(totals.sageTotal()).isEqualByComparingTo("126.00");
        assertThat(totals.mismatch()).isFalse();
    }

    @Test
    void sageTotalsDifferently_theFailedRunKeepsBothAmounts() {
        magento.body = CanonicalInvoices.gbpRegistered(42);
        sage.total = new BigDecimal("125.40");

        useCase.process(queued(42, NOW));

        RunOutcome outcome = runs.outcome("run-42").orElseThrow();
        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.totals().magentoTotal()).isEqualByComparingTo("126.00");
        assertThat(outcome.totals().sageTotal()).isEqualByComparingTo("125.40");
        assertThat(outcome.totals().mismatch()).isTrue();
    }

    @Test
    void invoiceAlreadyPostedByAnEarlierAttempt_recordsNoNewTotals() {
        magento.body = CanonicalInvoices.gbpRegistered(42);
        useCase.process(queued(42, NOW));

        useCase.process(queued(42, NOW));

        assertThat(sage.posted).hasSize(1);
        assertThat(runs.outcome("run-42").orElseThrow().totals()).isNull();
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

    @Test
    void destinationSupply_postsTheRatesSageDeterminedForTheBuyer_onTheBuyersOwnContact() {
        // a UK business with destination VAT (OSS) on, B2C consolidation on: a Paris buyer charged French VAT
        sage.referenceData = new SageReferenceData(List.of(new SageReferenceData.TaxRate("GB_STANDARD",
                new BigDecimal("20")), new SageReferenceData.TaxRate("GB_ZERO", BigDecimal.ZERO)),
                sage.referenceData.salesLedgerAccounts(), List.of(), "GBP", "GB", true);
        bindings.savePolicy(new SyncPolicyJson().parse("{\"b2c_consolidation\": {\"enabled\": true}}"));
        CanonicalContacts.Address paris = new CanonicalContacts.Address("billing", List.of("12 Rue de Rivoli"),
                "Paris", null, "75001", "FR", null);
        magento.body = CanonicalInvoices.builder(45).customer(CanonicalContacts.janeSmith(5))
                .lines(List.of(CanonicalInvoices.line("BOOK", "Cookery Book", "2.0", "10.0", "1.10", "0.0",
                        "simple")))
                .shipping("0.0", "0.0").discount("0.0").billingAddress(paris).shippingAddress(paris.as("shipping"))
                .build();
        sage.determinations.put("contact-M5", List.of(
                new SageReferenceData.TaxRate("FR_DEST_STANDARD", new BigDecimal("20.00")),
                new SageReferenceData.TaxRate("FR_DEST_REDUCED", new BigDecimal("5.50"))));
        sage.total = new BigDecimal("21.10");

        useCase.process(queued(45, NOW));

        assertThat(runs.find("run-45").orElseThrow()).satisfies(r -> assertThat(r.status())
                .as("%s %s", r.errorClass(), r.reason()).isEqualTo(RunStatus.SUCCEEDED));
        assertThat(sage.createdContacts).extracting(c -> c.reference()).containsExactly("M5");
        assertThat(sage.determinationLookups).containsExactly("contact-M5");
        assertThat(sage.posted.get(0).destinationConsignment()).isTrue();
        assertThat(sage.posted.get(0).invoiceLines()).extracting(l -> l.taxRateId())
                .containsExactly("FR_DEST_REDUCED");
    }

    @Test
    void homeSupply_neverAsksSageForDestinationRates() {
        magento.body = CanonicalInvoices.gbpRegistered(42);

        useCase.process(queued(42, NOW));

        assertThat(sage.determinationLookups).isEmpty();
        assertThat(sage.posted.get(0).destinationConsignment()).isFalse();
    }

    private SyncJob queued(long id, Instant createdAt) {
        String runId = "run-" + id;
        runs.put(SyncRun.builder(new SyncRun.Subject(runId, TENANT, EventName.INVOICE_CREATED, id,
                "invoice.created:" + id), createdAt).enqueued(true).build());
        return new SyncJob(runId, TENANT, EventName.INVOICE_CREATED, id, 1, 1, 1);
    }
}
