package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.domain.Xref;
import io.sagesync.domain.sage.SageReferenceData;
import io.sagesync.simulator.magento.CanonicalContacts;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.testkit.fakes.InMemoryBindingStore;
import io.sagesync.testkit.fakes.InMemoryMagentoGateway;
import io.sagesync.testkit.fakes.InMemoryPushQueue;
import io.sagesync.testkit.fakes.InMemoryRetryScheduler;
import io.sagesync.testkit.fakes.InMemorySageCatalog;
import io.sagesync.testkit.fakes.InMemorySageGateway;
import io.sagesync.testkit.fakes.InMemorySyncQueue;
import io.sagesync.testkit.fakes.InMemorySyncRunStore;
import io.sagesync.testkit.fakes.InMemoryXrefStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code customer.upserted} on in-memory fakes: update-only, every currency variant, fallback untouched, repeats. */
class CustomerSyncTest {
    private static final String TENANT = "t1";
    private static final Instant NOW = Instant.parse("2026-05-03T10:00:00Z");

    private final InMemorySyncRunStore runs = new InMemorySyncRunStore();
    private final InMemoryXrefStore xrefs = new InMemoryXrefStore();
    private final InMemoryPushQueue pushes = new InMemoryPushQueue();
    private final InMemoryMagentoGateway magento = new InMemoryMagentoGateway();
    private final InMemorySageGateway sage = new InMemorySageGateway();
    private final InMemorySageCatalog catalog = sage.catalog;
    private final ProcessSyncJob useCase = new ProcessSyncJob(TENANT, runs,
            new ProcessSyncJob.Source(magento, new CanonicalJsonParser()),
            new ProcessSyncJob.Ledger(new InMemoryBindingStore(), sage, xrefs),
            new ProcessSyncJob.Queues(pushes, new InMemoryRetryScheduler(), new InMemorySyncQueue()),
            SyncWorkerSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    private int runCounter;

    @Test
    void aCustomerWithoutContact_isSkipped_andNoContactIsCreated() {
        magento.body = CanonicalContacts.janeSmith(5).toJson();

        SyncRun run = customerEvent(5);

        assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(run.reason()).isEqualTo("customer_not_in_sage");
        assertThat(sage.createdContacts).isEmpty();
        assertThat(catalog.contactUpdates).isEmpty();
        assertThat(pushes.jobs()).singleElement().satisfies(p -> {
            assertThat(p.update().entityType().wireName()).isEqualTo("customer");
            assertThat(p.update().syncStatus()).isEqualTo(SyncStateUpdate.SyncStatus.SKIPPED);
        });
    }

    @Test
    void everyBoundCurrencyVariant_isUpdated_withItsCurrencySuffix() {
        xrefs.put("contact:M5:GBP", new Xref("c-gbp", "M5"));
        xrefs.put("contact:M5:EUR", new Xref("c-eur", "M5EUR"));
        xrefs.put("contact_currencies:M5", new Xref("M5", null, "EUR,GBP"));
        magento.body = CanonicalContacts.janeSmith(5).toJson();

        SyncRun run = customerEvent(5);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.sageId()).as("the chip shows the base-currency contact").isEqualTo("c-gbp");
        assertThat(catalog.contactUpdates).extracting(InMemorySageCatalog.ContactUpdate::contactId)
                .containsExactly("c-gbp", "c-eur");
        assertThat(catalog.contactUpdates).extracting(u -> u.body().name())
                .containsExactly("Jane Smith", "Jane Smith (EUR)");
        assertThat(catalog.contactUpdates.get(0).body().mainAddress().city()).isEqualTo("London");
        assertThat(catalog.contactUpdates.get(0).body().mainContactPerson().email()).isEqualTo("jane@example.co.uk");
        assertThat(pushes.jobs()).singleElement().extracting(p -> p.update().syncStatus())
                .isEqualTo(SyncStateUpdate.SyncStatus.SYNCED);
    }

    @Test
    void aRepeatedSaveWithNothingNew_costsNoSageCall_andARealChangeOneUpdatePerVariant() {
        xrefs.put("contact:M5:GBP", new Xref("c-gbp", "M5"));
        magento.body = CanonicalContacts.janeSmith(5).toJson();
        customerEvent(5);
        customerEvent(5);
        assertThat(catalog.contactUpdates).hasSize(1);

        CanonicalContacts.Contact jane = CanonicalContacts.janeSmith(5);
        CanonicalContacts.Address moved = new CanonicalContacts.Address("billing", List.of("9 New Road"), "Leeds",
                null, "LS1 1AA", "GB", null);
        magento.body = new CanonicalContacts.Contact(5, jane.email(), "Jane", "Smith", "Smith &amp; Co", jane.phone(),
                1, 1, List.of(moved, moved.as("shipping")), jane.createdAt(), jane.updatedAt()).toJson();
        customerEvent(5);

        assertThat(catalog.contactUpdates).hasSize(2);
        assertThat(catalog.contactUpdates.get(1).body().name()).isEqualTo("Smith & Co");
        assertThat(catalog.contactUpdates.get(1).body().mainAddress().city()).isEqualTo("Leeds");
    }

    @Test
    void theB2cFallbackContact_isNeverTouched() {
        xrefs.put("contact_fallback:b2c_fallback:GBP", new Xref("c-websales", "WEBSALES"));
        xrefs.put("contact:M5:GBP", new Xref("c-websales", "WEBSALES"));
        magento.body = CanonicalContacts.janeSmith(5).toJson();

        SyncRun run = customerEvent(5);

        assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(catalog.contactUpdates).isEmpty();
    }

    @Test
    void aContactBoundBeforeTheIndexExisted_isFound_inACurrencyTheBusinessBanksIn() {
        sage.referenceData = new SageReferenceData(
                List.of(new SageReferenceData.TaxRate("GB_STANDARD", new BigDecimal("20"))),
                List.of(new SageReferenceData.LedgerAccount("L4000", 4000)),
                List.of(new SageReferenceData.BankAccount("bank-gbp", "GBP", 1200),
                        new SageReferenceData.BankAccount("bank-usd", "USD", 1210)), "GBP");
        xrefs.put("contact:M5:USD", new Xref("c-usd", "M5USD"));
        magento.body = CanonicalContacts.janeSmith(5).toJson();

        SyncRun run = customerEvent(5);

        assertThat(run.sageId()).isEqualTo("c-usd");
        assertThat(catalog.contactUpdates).extracting(u -> u.body().name()).containsExactly("Jane Smith (USD)");
    }

    @Test
    void anInvoiceThatBindsAContact_recordsItsCurrencyInTheCustomersIndex() {
        magento.body = CanonicalInvoices.builder(42).currency("EUR").baseToOrderRate("1.17").build();

        SyncJob job = queued(EventName.INVOICE_CREATED, 42);
        useCase.process(job);

        // (the fake Sage cannot read the invoice back, so the run itself ends in reconciliation: not the point here)
        assertThat(sage.createdContacts).singleElement().extracting(c -> c.reference()).isEqualTo("M5EUR");
        assertThat(xrefs.find("contact:M5:EUR")).isPresent();
        assertThat(xrefs.find("contact_currencies:M5")).hasValueSatisfying(x ->
                assertThat(x.syncedState()).isEqualTo("EUR"));
    }

    private SyncRun customerEvent(long id) {
        SyncJob job = queued(EventName.CUSTOMER_UPSERTED, id);
        useCase.process(job);
        return runs.find(job.runId()).orElseThrow();
    }

    private SyncJob queued(EventName event, long id) {
        String runId = "run-" + id + "-" + event.wireName() + "-" + (++runCounter);
        runs.put(SyncRun.builder(new SyncRun.Subject(runId, TENANT, event, id, runId), NOW).enqueued(true).build());
        return new SyncJob(runId, TENANT, event, id, 1, 1, 1);
    }
}
