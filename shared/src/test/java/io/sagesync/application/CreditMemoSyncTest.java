package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.domain.DocumentTotals;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.Xref;
import io.sagesync.domain.sage.SageArtefactBalance;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.SageCallException;
import io.sagesync.retry.DelaySchedule;
import io.sagesync.simulator.magento.CanonicalCreditMemos;
import io.sagesync.simulator.magento.CanonicalInvoices;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exactly once and crash-safe: every step of a refund survives losing its answer or our own write. */
class CreditMemoSyncTest {
    private static final Instant NOW = Instant.parse("2026-05-04T09:00:00Z");

    private final CanonicalJsonParser parser = new CanonicalJsonParser();
    private final Map<String, String> magento = new HashMap<>();
    private final RefundLedgerFake sage = new RefundLedgerFake();
    private final GoldenCreditMemoCorpusTest.MapXrefs xrefs = new GoldenCreditMemoCorpusTest.MapXrefs();
    private CreditMemoSync sync;

    @BeforeEach
    void setUp() {
        magento.put("invoice:42", CanonicalInvoices.gbpRegistered(42));
        magento.put("creditmemo:17", CanonicalCreditMemos.builder(17).build()); // 18.00 against invoice 42
        sage.invoice(new SageArtefactBalance("sage-invoice-42", "000000042", "SI-1", "contact-M5", "GBP", null,
                new BigDecimal("126.00"), new BigDecimal("0.00"), LocalDate.of(2026, 4, 30)));
        xrefs.put(Xref.invoiceKey(42), new Xref("sage-invoice-42", "SI-1"));
        xrefs.put(PaymentSync.paymentKey(42), new Xref("receipt-42", "000000042"));
        sage.paymentBanks.put("receipt-42", "bank-1200");
        sync = new CreditMemoSync("tenant", new CreditMemoSync.Shop(new GoldenCreditMemoCorpusTest.MapMagento(magento),
                parser::parseCreditMemo, parser::parseInvoice),
                new GoldenCreditMemoCorpusTest.FixedBinding(new SyncPolicyJson().parse("{}")), sage, xrefs,
                new SageReferenceDefaults(sage, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1)),
                new SyncWorkerSettings(new DelaySchedule(3, List.of(Duration.ZERO)), Duration.ofDays(6),
                        Duration.ofHours(1)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void creditNoteAnswerLost_theRetryReplaysTheSameIdempotencyId_andSettlesOnce() {
        sage.failAfterCreate.put("credit_note", lostAnswer());

        assertThatThrownBy(() -> run(17)).isInstanceOf(SyncFailure.class);
        RunOutcome retried = run(17);

        assertThat(retried.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sage.creditNotes).hasSize(1);
        assertThat(sage.refundRequests).singleElement()
                .satisfies(r -> assertThat(r.totalAmount()).isEqualByComparingTo("18.00"));
        assertThat(xrefs.find(CreditMemoSync.creditNoteKey(17))).isPresent();
    }

    @Test
    void postedCreditNote_recordsMagentoAndSageTotals_underTheCreditNotesDate() {
        RunOutcome outcome = run(17);

        assertThat(outcome.totals().kind()).isEqualTo(DocumentTotals.Kind.CREDIT_NOTE);
        assertThat(outcome.totals().date()).isEqualTo(sage.creditNotes.values().iterator().next().date());
        assertThat(outcome.totals().currency()).isEqualTo("GBP");
        assertThat(outcome.totals().magentoTotal()).isEqualByComparingTo("18.00");
        assertThat(outcome.totals().sageTotal()).isEqualByComparingTo("18.00");
    }

    @Test
    void crashAfterTheCreditNoteXref_theNextDeliveryOnlySettles() {
        xrefs.failNextPutOf = CreditNoteSettling.refundKey(17);

        assertThatThrownBy(() -> run(17)).isInstanceOf(InfrastructureException.class);
        RunOutcome again = run(17);

        assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sage.creditNoteRequests).hasSize(1);
        assertThat(sage.refundRequests).as("the refund's own idempotency id replayed it").hasSize(1);
        assertThat(sage.creditNotes.values().iterator().next().open()).isEqualByComparingTo("0.00");
    }

    @Test
    void refundAnswerLost_theRetryFindsNothingLeftOnTheCreditNote_andMovesNoMoreMoney() {
        sage.failAfterCreate.put("refund", lostAnswer());
        assertThatThrownBy(() -> run(17)).isInstanceOf(SyncFailure.class);

        run(17);
        run(17);

        assertThat(sage.refundRequests).hasSize(1);
        assertThat(sage.allocationRequests).isEmpty();
        assertThat(sage.creditNotes.values().iterator().next().open()).isEqualByComparingTo("0.00");
    }

    @Test
    void allocationAnswerLost_theRetryReplaysIt_andTheInvoiceIsNotCreditedTwice() {
        sage.invoice(new SageArtefactBalance("sage-invoice-42", "000000042", "SI-1", "contact-M5", "GBP", null,
                new BigDecimal("126.00"), new BigDecimal("126.00"), LocalDate.of(2026, 4, 30)));
        xrefs.map.remove(PaymentSync.paymentKey(42));
        sage.failAfterCreate.put("allocation", lostAnswer());
        assertThatThrownBy(() -> run(17)).isInstanceOf(SyncFailure.class);

        run(17);

        assertThat(sage.allocationRequests).hasSize(1);
        assertThat(sage.invoices.get("sage-invoice-42").open()).isEqualByComparingTo("108.00");
    }

    @Test
    void unpaidInvoice_allocationIsNeverMoreThanTheInvoiceStillOwes() {
        sage.invoice(new SageArtefactBalance("sage-invoice-42", "000000042", "SI-1", "contact-M5", "GBP", null,
                new BigDecimal("126.00"), new BigDecimal("5.00"), LocalDate.of(2026, 4, 30)));
        xrefs.map.remove(PaymentSync.paymentKey(42));

        RunOutcome outcome = run(17);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sage.allocationRequests).singleElement()
                .satisfies(a -> assertThat(a.amount()).isEqualByComparingTo("5.00"));
        assertThat(sage.refundRequests).as("no receipt synced: the rest stays as customer credit").isEmpty();
        assertThat(sage.creditNotes.values().iterator().next().open()).isEqualByComparingTo("13.00");
    }

    private static SageCallException lostAnswer() {
        return new SageCallException(SageCallException.Kind.PROVIDER, 503, "timeout", "answer lost", null);
    }

    private RunOutcome run(long memoId) {
        SyncJob job = new SyncJob("run-" + memoId, "tenant", EventName.CREDITMEMO_CREATED, memoId, 1, 1, 1);
        return sync.sync(job, SyncRun.accepted(new SyncRun.Subject(job.runId(), "tenant",
                EventName.CREDITMEMO_CREATED, memoId, "creditmemo.created:" + memoId), NOW), NOW);
    }
}
