package io.sagesync.application;

import io.sagesync.domain.DocumentTotals;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.Xref;
import io.sagesync.domain.magento.CanonicalCreditMemo;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.CanonicalParseException;
import io.sagesync.domain.magento.InvoiceState;
import io.sagesync.domain.policy.CreditMemoPolicy;
import io.sagesync.domain.policy.SkipReason;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.domain.policy.SyncPolicyEvaluator;
import io.sagesync.domain.sage.CreditNoteMapper;
import io.sagesync.domain.sage.CreditNoteMapping;
import io.sagesync.domain.sage.IdempotencyIds;
import io.sagesync.domain.sage.PaymentMapper;
import io.sagesync.domain.sage.SageArtefactBalance;
import io.sagesync.domain.sage.SageBusiness;
import io.sagesync.log.Log;
import io.sagesync.port.BindingStore;
import io.sagesync.port.MagentoGateway;
import io.sagesync.port.SageGateway;
import io.sagesync.port.XrefStore;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code creditmemo.created} → one Sage credit note, settled, exactly once (docs/refunds.md). Magento fires the event
 * on every save of a memo; the credit-note cross-reference makes every later save a no-op for the document.
 * <ol>
 *   <li>credit-note xref present → straight to settlement (an earlier attempt posted it and stopped);</li>
 *   <li>Magento memo → policy ({@link CreditMemoPolicy}: no invoice, {@code sync_since}, website/store);</li>
 *   <li>invoice not in Sage: skipped {@value CreditMemoPolicy#INVOICE_SKIPPED_BY_POLICY} when the policy skips the
 *       invoice, else retried later ({@value #INVOICE_NOT_SYNCED_YET}) like a payment;</li>
 *   <li>invoice paid through a mapped method but its receipt not in Sage yet → retried later
 *       ({@value #RECEIPT_NOT_SYNCED_YET}), so the refund follows the receipt instead of overtaking it;</li>
 *   <li>map with the invoice rules onto the Sage invoice's contact → (old run: search by reference) → POST with
 *       the deterministic idempotency id → xref → {@link CreditNoteSettling settle}.</li>
 * </ol>
 */
final class CreditMemoSync {
    /** Retry reason while the memo's invoice has not been put into Sage yet. */
    static final String INVOICE_NOT_SYNCED_YET = "invoice_not_synced_yet";
    /** Retry reason while the invoice's receipt, which the refund must follow, is not in Sage yet. */
    static final String RECEIPT_NOT_SYNCED_YET = "receipt_not_synced_yet";

    private static final Log LOG = Log.of(CreditMemoSync.class);

    private final String tenantId;
    private final MagentoGateway magento;
    private final Function<String, CanonicalCreditMemo> memoParser;
    private final Function<String, CanonicalInvoice> invoiceParser;
    private final BindingStore bindings;
    private final SageGateway sage;
    private final XrefStore xrefs;
    private final SageReferenceDefaults defaults;
    private final SyncWorkerSettings settings;
    private final Clock clock;
    private final CreditNoteSettling settling;

    /** The shop side: where memos and their invoices come from, and how they are read. */
    record Shop(MagentoGateway magento, Function<String, CanonicalCreditMemo> memoParser,
                Function<String, CanonicalInvoice> invoiceParser) {
    }

    CreditMemoSync(String tenantId, Shop shop, BindingStore bindings, SageGateway sage, XrefStore xrefs,
                   SageReferenceDefaults defaults, SyncWorkerSettings settings, Clock clock) {
        this.tenantId = tenantId;
        this.magento = shop.magento();
        this.memoParser = shop.memoParser();
        this.invoiceParser = shop.invoiceParser();
        this.bindings = bindings;
        this.sage = sage;
        this.xrefs = xrefs;
        this.defaults = defaults;
        this.settings = settings;
        this.clock = clock;
        this.settling = new CreditNoteSettling(tenantId, sage, xrefs, defaults);
    }

    /** Cross-reference key of a memo's credit note, {@code creditmemo:<magento memo id>}. */
    static String creditNoteKey(long memoId) {
        return "creditmemo:" + memoId;
    }

    RunOutcome sync(SyncJob job, SyncRun run, Instant startedAt) {
        long memoId = job.magentoEntityId();
        CanonicalCreditMemo memo = fetchMemo(memoId);
        SyncPolicy stored = InvoiceSync.storedPolicy(bindings);
        Optional<Xref> posted = xrefs.find(creditNoteKey(memoId));
        if (posted.isEmpty()) {
            Optional<String> skip = CreditMemoPolicy.skipReason(memo, job.storeId(), stored);
            if (skip.isPresent()) {
                return RunOutcome.skipped(skip.get(), startedAt, clock.instant());
            }
        } else if (memo.invoiceId() == null) {
            throw SyncFailure.permanent(ErrorClass.VALIDATION, CreditMemoPolicy.WITHOUT_INVOICE, null);
        }
        long invoiceId = memo.invoiceId();
        Optional<Xref> invoiceInSage = xrefs.find(Xref.invoiceKey(invoiceId));
        CanonicalInvoice original = fetchInvoice(invoiceId);
        if (posted.isEmpty() && job.storeId() <= 0 && CreditMemoPolicy.storeFiltered(original.storeId(), stored)) {
            return RunOutcome.skipped(SkipReason.STORE_FILTERED.code(), startedAt, clock.instant());
        }
        if (invoiceInSage.isEmpty()) {
            if (!SyncPolicyEvaluator.evaluateInvoice(original, stored).shouldProceed()) {
                return RunOutcome.skipped(CreditMemoPolicy.INVOICE_SKIPPED_BY_POLICY, startedAt, clock.instant());
            }
            // never create the invoice from here: its own run owns the policy checks and the contact
            throw SyncFailure.retryable(ErrorClass.NOT_FOUND, INVOICE_NOT_SYNCED_YET, null);
        }
        Optional<Xref> receipt = xrefs.find(PaymentSync.paymentKey(invoiceId));
        if (receipt.isEmpty() && original.state() == InvoiceState.PAID && original.paymentMethod() != null
                && PaymentMapper.bankAccountFor(original.paymentMethod(), stored).isPresent()) {
            throw SyncFailure.retryable(ErrorClass.NOT_FOUND, RECEIPT_NOT_SYNCED_YET, null);
        }
        String invoiceSageId = invoiceInSage.get().sageId();
        List<String> warnings = new ArrayList<>();
        DocumentTotals[] totals = new DocumentTotals[1];
        Xref note = posted.orElseGet(() -> post(memo, original, invoiceSageId, stored, run, startedAt, warnings,
                totals));
        settling.settle(memoId, note.sageId(), invoiceSageId, receipt.orElse(null), stored);
        return RunOutcome.succeeded(note.sageId(), note.sageReference(), false, startedAt, clock.instant())
                .withWarnings(warnings).withTotals(totals[0]);
    }

    private Xref post(CanonicalCreditMemo memo, CanonicalInvoice original, String invoiceSageId, SyncPolicy stored,
                      SyncRun run, Instant startedAt, List<String> warnings, DocumentTotals[] totals) {
        SyncPolicy policy = InvoiceSync.sageCall(() -> defaults.complete(stored));
        SageBusiness business = InvoiceSync.sageCall(() -> defaults.business(policy));
        InvoiceSync.mapping(business::region);
        SageArtefactBalance invoice = InvoiceSync.sageCall(() -> sage.findSalesInvoiceBalance(invoiceSageId));
        String idempotencyId = IdempotencyIds.of(tenantId, EntityType.CREDITMEMO, memo.magentoId(),
                EventName.CREDITMEMO_CREATED);
        // the invoice's contact, not a fresh routing: Sage only allocates within one contact (docs/refunds.md)
        // a refund of a destination (OSS) supply credits the buyer's country's VAT, at the rates Sage determines
        SageBusiness noteBusiness = CreditNoteMapper.destinationSupply(memo, original, business)
                ? business.withDestinationRates(InvoiceSync.sageCall(() -> sage.destinationTaxRates(
                        invoice.contactId(), LocalDate.ofInstant(memo.createdAt(), business.region().zone()))))
                : business;
        CreditNoteMapping mapped = InvoiceSync.mapping(() -> CreditNoteMapper.map(memo, original, invoice.date(),
                policy, noteBusiness, invoice.contactId(), idempotencyId, CatalogKeys.links(policy, xrefs)));
        warnings.addAll(mapped.warningCodes());
        String reference = mapped.request().reference();
        SageArtefactBalance created = null;
        boolean beyondReplayWindow = run.createdAt().plus(settings.lookupBeforePostAfter()).isBefore(startedAt);
        if (beyondReplayWindow && reference != null) {
            created = InvoiceSync.sageCall(() -> sage.findSalesCreditNoteByReference(reference)).orElse(null);
        }
        if (created == null) {
            created = InvoiceSync.sageCall(() -> sage.createSalesCreditNote(mapped.request()));
        }
        Xref note = new Xref(created.id(), created.displayReference());
        xrefs.put(creditNoteKey(memo.magentoId()), note);
        totals[0] = new DocumentTotals(DocumentTotals.Kind.CREDIT_NOTE, mapped.request().document().date(),
                memo.currency(), memo.grandTotal(), created.totalAmount());
        if (created.totalAmount() != null && created.totalAmount()
                .compareTo(memo.grandTotal().setScale(2, RoundingMode.HALF_UP)) != 0) {
            LOG.warn("sage credit note total differs from magento grand_total", "run_id", run.runId(),
                    "magento_entity_id", memo.magentoId(), "sage_id", created.id(), "code", "total_mismatch");
        }
        return note;
    }

    private CanonicalCreditMemo fetchMemo(long memoId) {
        String body = MagentoFetch.body(() -> magento.fetchCanonical(EntityType.CREDITMEMO, memoId), bindings,
                "creditmemo");
        try {
            return memoParser.apply(body);
        } catch (CanonicalParseException | IllegalArgumentException e) {
            throw SyncFailure.permanent(ErrorClass.SERDE, "canonical_creditmemo_unreadable", e);
        }
    }

    private CanonicalInvoice fetchInvoice(long invoiceId) {
        String body = MagentoFetch.body(() -> magento.fetchCanonical(EntityType.INVOICE, invoiceId), bindings,
                "invoice");
        try {
            return invoiceParser.apply(body);
        } catch (CanonicalParseException | IllegalArgumentException e) {
            throw SyncFailure.permanent(ErrorClass.SERDE, "canonical_invoice_unreadable", e);
        }
    }
}
