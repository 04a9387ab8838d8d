package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.domain.Xref;
import io.sagesync.domain.sage.IdempotencyIds;
import io.sagesync.domain.sage.SageContactPaymentRequest;
import io.sagesync.domain.sage.SageReferenceData;
import io.sagesync.domain.sage.SageSalesInvoice;
import io.sagesync.port.MagentoCallException;
import io.sagesync.port.SageCallException;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** invoice.paid through the use case on in-memory fakes: every branch of PaymentSync. */
class PaymentSyncTest {
    private static final String TENANT = "t1";
    private static final Instant NOW = Instant.parse("2026-05-03T10:00:00Z");
    private static final String BANK_CARD = "bank-card";
    private static final String BANK_DEFAULT = "bank-default";

    private final InMemorySyncRunStore runs = new InMemorySyncRunStore();
    private final InMemoryXrefStore xrefs = new InMemoryXrefStore();
    private final InMemoryBindingStore bindings = new InMemoryBindingStore();
    private final InMemoryPushQueue pushes = new InMemoryPushQueue();
    private final InMemoryRetryScheduler retries = new InMemoryRetryScheduler();
    private final InMemoryMagentoGateway magento = new InMemoryMagentoGateway();
    private final InMemorySageGateway sage = new InMemorySageGateway();

    {
        // a base-currency bank exists: proves an unset default_bank_account_id is NOT filled from it
        sage.referenceData = new SageReferenceData(
                List.of(new SageReferenceData.TaxRate("GB_STANDARD", new BigDecimal("20"))),
                List.of(new SageReferenceData.LedgerAccount("L4000", 4000)),
                List.of(new SageReferenceData.BankAccount("bank-lowest", "GBP", 1200)), "GBP");
    }
    private final CanonicalJsonParser parser = new CanonicalJsonParser();
    private final ProcessSyncJob useCase = new ProcessSyncJob(TENANT, runs,
            new ProcessSyncJob.Source(magento, parser),
            new ProcessSyncJob.Ledger(bindings, sage, xrefs),
            new ProcessSyncJob.Queues(pushes, retries, new InMemorySyncQueue()),
            SyncWorkerSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void paymentXrefPresent_succeedsWithItsIds_withoutFetchingOrPosting() {
        xrefs.put("invoice:42", new Xref("sage-inv-1", "SI-1"));
        xrefs.put("payment:42", new Xref("sage-pay-1", "000000042"));
        SyncJob job = queued(42);

        useCase.process(job);

        SyncRun run = runs.find(job.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.sageId()).isEqualTo("sage-pay-1");
        assertThat(magento.calls).isZero();
        assertThat(sage.payments).isEmpty();
    }

    @Test
    void invoiceNotSyncedYet_isRetryable_andFailsWithThatReasonAfterTheBudget() {
        SyncJob job = queued(42);

        useCase.process(job);

        SyncRun waiting = runs.find(job.runId()).orElseThrow();
        assertThat(waiting.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(retries.delayed()).hasSize(1);
        for (int i = 1; i < SyncWorkerSettings.defaults().maxAttempts(); i++) {
            useCase.process(job);
        }
        SyncRun failed = runs.find(job.runId()).orElseThrow();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.reason()).isEqualTo("invoice_not_synced_yet");
        assertThat(retries.deadLetters()).containsExactly(job);
        assertThat(magento.calls).isZero();
        assertThat(sage.payments).isEmpty();
    }

    @Test
    void mappedMethod_postsAReceiptToTheMappedBank_allocatedToTheSageInvoice_andRecordsTheXref() {
        givenSyncedInvoice(42, "126.00");
        policy("{\"payment_method_map\":{\"stripe_payments\":\"" + BANK_CARD + "\"},"
                + "\"default_bank_account_id\":\"" + BANK_DEFAULT + "\"}");
        SyncJob job = queued(42);

        useCase.process(job);

        SageContactPaymentRequest posted = single();
        assertThat(posted.transactionTypeId()).isEqualTo("CUSTOMER_RECEIPT");
        assertThat(posted.bankAccountId()).isEqualTo(BANK_CARD);
        assertThat(posted.contactId()).isEqualTo("contact-1");
        // captured 23:30 UTC on 30 April = 00:30 BST on 1 May: the receipt belongs to the business's 1 May
        assertThat(posted.date()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(posted.paymentMethodId()).isEqualTo("CREDIT_DEBIT");
        assertThat(posted.totalAmount()).isEqualByComparingTo("126.00");
        assertThat(posted.reference()).isEqualTo("000000042");
        assertThat(posted.currencyId()).isNull();
        assertThat(posted.allocations()).singleElement().satisfies(a -> {
            assertThat(a.artefactId()).isEqualTo("sage-inv-42");
            assertThat(a.amount()).isEqualByComparingTo("126.00");
        });
        SyncRun run = runs.find(job.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.sageId()).isEqualTo("pay-1");
        assertThat(xrefs.find("payment:42")).contains(new Xref("pay-1", "000000042"));
        // the shared invoice row keeps showing the invoice, not the payment
        assertThat(pushes.jobs()).singleElement().satisfies(p -> {
            assertThat(p.update().syncStatus()).isEqualTo(SyncStateUpdate.SyncStatus.SYNCED);
            assertThat(p.update().providerEntityId()).isEqualTo("sage-inv-42");
        });
    }

    @Test
    void methodMappedToNone_isSkipped_evenWithADefaultBank_andThePushKeepsTheInvoiceSynced() {
        givenSyncedInvoice(42, "126.00");
        policy("{\"payment_method_map\":{\"stripe_payments\":null},"
                + "\"default_bank_account_id\":\"" + BANK_DEFAULT + "\"}");
        SyncJob job = queued(42);

        useCase.process(job);

        SyncRun run = runs.find(job.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(run.reason()).isEqualTo("payment_method_not_mapped");
        assertThat(sage.payments).isEmpty();
        assertThat(xrefs.find("payment:42")).isEmpty();
        assertThat(pushes.jobs()).singleElement().satisfies(p -> {
            assertThat(p.update().syncStatus()).isEqualTo(SyncStateUpdate.SyncStatus.SYNCED);
            assertThat(p.update().providerEntityId()).isEqualTo("sage-inv-42");
        });
    }

    @Test
    void unmappedMethod_usesTheDefaultBankAccount() {
        givenSyncedInvoice(42, "126.00");
        policy("{\"payment_method_map\":{\"checkmo\":\"" + BANK_CARD + "\"},"
                + "\"default_bank_account_id\":\"" + BANK_DEFAULT + "\"}");

        useCase.process(queued(42));

        assertThat(single().bankAccountId()).isEqualTo(BANK_DEFAULT);
    }

    @Test
    void unmappedMethod_withoutADefaultBank_isSkipped_althoughSageHasABankAccount() {
        givenSyncedInvoice(42, "126.00");
        SyncJob job = queued(42);

        useCase.process(job);

        SyncRun run = runs.find(job.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(run.reason()).isEqualTo("payment_method_not_mapped");
        assertThat(sage.payments).isEmpty();
        assertThat(sage.invoiceReads).isZero();
    }

    @Test
    void idempotencyId_isDeterministicPerTenantAndInvoice_andSurvivesARetry() {
        givenSyncedInvoice(42, "126.00");
        policy("{\"default_bank_account_id\":\"" + BANK_DEFAULT + "\"}");
        sage.postFailures.add(new SageCallException(SageCallException.Kind.UNKNOWN_OUTCOME, null, "500", null));
        SyncJob job = queued(42);

        useCase.process(job);
        useCase.process(job);

        assertThat(sage.payments).hasSize(2);
        String expected = IdempotencyIds.of(TENANT, EntityType.INVOICE, 42, EventName.INVOICE_PAID);
        assertThat(sage.payments).extracting(SageContactPaymentRequest::idempotencyId)
                .containsExactly(expected, expected);
        assertThat(expected).hasSize(32).isNotEqualTo(
                IdempotencyIds.of(TENANT, EntityType.INVOICE, 42, EventName.INVOICE_CREATED));
        assertThat(runs.find(job.runId()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void paymentAboveWhatIsOutstanding_allocatesOnlyTheOutstandingAmount_andKeepsTheFullTotal() {
        givenSyncedInvoice(42, "100.00");
        policy("{\"default_bank_account_id\":\"" + BANK_DEFAULT + "\"}");

        useCase.process(queued(42));

        SageContactPaymentRequest posted = single();
        assertThat(posted.totalAmount()).isEqualByComparingTo("126.00");
        assertThat(posted.allocations()).singleElement()
                .satisfies(a -> assertThat(a.amount()).isEqualByComparingTo("100.00"));
    }

    @Test
    void foreignCurrencyInvoice_sendsTheInvoicesCurrencyAndExchangeRate() {
        xrefs.put("invoice:42", new Xref("sage-inv-42", "SI-42"));
        sage.invoice = new SageSalesInvoice("sage-inv-42", "000000042", "contact-1", "EUR",
                new BigDecimal("0.8547008547"), new BigDecimal("126.00"), new BigDecimal("126.00"));
        magento.payment = payment(42, "EUR");
        policy("{\"default_bank_account_id\":\"" + BANK_DEFAULT + "\"}");

        useCase.process(queued(42));

        SageContactPaymentRequest posted = single();
        assertThat(posted.currencyId()).isEqualTo("EUR");
        assertThat(posted.exchangeRate()).isEqualByComparingTo("0.8547008547");
    }

    @Test
    void sageRefusingToPayAPaidInvoice_failsAsValidation_withTheDataCode_andThePushShowsAPaymentFailure() {
        givenSyncedInvoice(42, "0.00");
        policy("{\"default_bank_account_id\":\"" + BANK_DEFAULT + "\"}");
        sage.postFailures.add(new SageCallException(SageCallException.Kind.VALIDATION, "RecordInvalid@base", "422",
                null));
        SyncJob job = queued(42);

        useCase.process(job);

        SyncRun run = runs.find(job.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorClass()).isEqualTo(ErrorClass.VALIDATION);
        assertThat(run.reason()).contains("RecordInvalid@base");
        assertThat(xrefs.find("payment:42")).isEmpty();
        assertThat(pushes.jobs()).singleElement()
                .satisfies(p -> assertThat(p.update().errorCode()).isEqualTo("payment_validation"));
    }

    @Test
    void magento404_failsAsNotFound_and401FlagsTheBinding() {
        givenSyncedInvoice(42, "126.00");
        magento.failure = new MagentoCallException(MagentoCallException.Kind.NOT_FOUND, 404, "missing");
        SyncJob missing = queued(42);
        useCase.process(missing);
        assertThat(runs.find(missing.runId()).orElseThrow().reason()).isEqualTo("magento_payment_not_found");

        givenSyncedInvoice(43, "126.00");
        magento.failure = new MagentoCallException(MagentoCallException.Kind.AUTH, 401, "nope");
        SyncJob refused = queued(43);
        useCase.process(refused);

        assertThat(runs.find(refused.runId()).orElseThrow().errorClass()).isEqualTo(ErrorClass.AUTH);
        assertThat(bindings.state().magentoConnection()).isEqualTo("token_revoked");
        assertThat(sage.payments).isEmpty();
    }

    @Test
    void invoiceHeldBackAsUnpaid_postedByThePaymentRun_carriesItsTotalsOnThatRun() {
        policy("{\"sync_unpaid_invoices\":false,\"payment_method_map\":{\"stripe_payments\":\"" + BANK_CARD
                + "\"}}");
        magento.body = io.sagesync.simulator.magento.CanonicalInvoices.gbpRegistered(42);
        magento.payment = payment(42, "GBP");
        String sageInvoiceId = "sage-" + io.sagesync.domain.sage.IdempotencyIds.of(TENANT,
                io.sagesync.domain.EntityType.INVOICE, 42, EventName.INVOICE_CREATED);
        sage.invoice = new SageSalesInvoice(sageInvoiceId, "000000042", "contact-1", "GBP", BigDecimal.ONE,
                new BigDecimal("126.00"), new BigDecimal("126.00"));
        SyncJob job = queued(42);

        useCase.process(job);

        assertThat(sage.posted).hasSize(1);
        assertThat(runs.find(job.runId()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        io.sagesync.domain.DocumentTotals totals = runs.outcome(job.runId()).orElseThrow().totals();
        assertThat(totals.kind()).isEqualTo(io.sagesync.domain.DocumentTotals.Kind.INVOICE);
        assertThat(totals.magentoTotal()).isEqualByComparingTo("126.00");
        assertThat(totals.sageTotal()).isEqualByComparingTo("126.00");
    }

    @Test
    void paymentOfAnInvoiceAlreadyInSage_recordsNoDocumentTotals() {
        givenSyncedInvoice(42, "126.00");
        policy("{\"payment_method_map\":{\"stripe_payments\":\"" + BANK_CARD + "\"}}");
        SyncJob job = queued(42);

        useCase.process(job);

        assertThat(runs.outcome(job.runId()).orElseThrow().totals()).isNull();
    }

    private void givenSyncedInvoice(long id, String outstanding) {
        xrefs.put("invoice:" + id, new Xref("sage-inv-" + id, "SI-" + id));
        sage.invoice = new SageSalesInvoice("sage-inv-" + id, "0000000" + id, "contact-1", "GBP", BigDecimal.ONE,
                new BigDecimal("126.00"), new BigDecimal(outstanding));
        magento.payment = payment(id, "GBP");
    }

    private static String payment(long id, String currency) {
        return "{\"magento_id\":" + id + ",\"invoice_id\":" + id + ",\"invoice_increment_id\":\"0000000" + id
                + "\",\"method\":\"stripe_payments\",\"currency\":\"" + currency + "\",\"amount\":126.0,"
                + "\"captured_at\":\"2026-04-30T23:30:00Z\",\"gateway_txn_id\":\"pi_1\","
                + "\"gateway_metadata\":[\"card\",\"4242\"]}";
    }

    private void policy(String json) {
        bindings.savePolicy(new SyncPolicyJson().parse(json));
    }

    private SageContactPaymentRequest single() {
        assertThat(sage.payments).hasSize(1);
        return sage.payments.get(0);
    }

    private SyncJob queued(long id) {
        String runId = "run-" + id + "-paid";
        runs.put(SyncRun.builder(new SyncRun.Subject(runId, TENANT, EventName.INVOICE_PAID, id, "invoice.paid:" + id), NOW)
                .enqueued(true).build());
        return new SyncJob(runId, TENANT, EventName.INVOICE_PAID, id, 1, 1, 1);
    }
}
