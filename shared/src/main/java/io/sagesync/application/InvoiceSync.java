package io.sagesync.application;

import io.sagesync.domain.DocumentTotals;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.Xref;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.CanonicalParseException;
import io.sagesync.domain.magento.InvoiceState;
import io.sagesync.domain.policy.PolicyDecision;
import io.sagesync.domain.policy.PolicyValidationException;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.domain.policy.SyncPolicyEvaluator;
import io.sagesync.domain.sage.IdempotencyIds;
import io.sagesync.domain.sage.InvoiceMapper;
import io.sagesync.domain.sage.InvoiceMappingResult;
import io.sagesync.domain.sage.MappingException;
import io.sagesync.domain.sage.MappingWarning;
import io.sagesync.domain.sage.PostedInvoice;
import io.sagesync.domain.sage.SageBusiness;
import io.sagesync.port.BindingStore;
import io.sagesync.port.MagentoGateway;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageGateway;
import io.sagesync.port.XrefStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code invoice.created} → one Sage sales invoice, exactly once, equal to what Magento charged or not posted:
 * invoice xref → Magento fetch → policy → business (region, rates) → contact ({@link ContactResolver}) → map (a
 * document that would not total {@code grand_total} fails here as {@code validation}) → (old run: search by
 * reference) → POST with the deterministic idempotency id → xref → read-back reconciliation ({@link
 * InvoiceReconciliation}: Sage's totals must equal Magento's, else the run fails with the document recorded and an
 * alarm). Mapping warnings travel on the outcome. Failures surface as {@link SyncFailure}.
 */
final class InvoiceSync {
    private final String tenantId;
    private final MagentoGateway magento;
    private final Function<String, CanonicalInvoice> invoiceParser;
    private final BindingStore bindings;
    private final SageGateway sage;
    private final XrefStore xrefs;
    private final SageReferenceDefaults defaults;
    private final SyncWorkerSettings settings;
    private final Clock clock;
    private final ContactResolver contacts;
    /** Re-syncs a product after a sale (see {@link ProductSync#refresh}); no-op where products are not wired. */
    private java.util.function.BiConsumer<Long, String> stockRefresh = (product, run) -> { };

    InvoiceSync(String tenantId, MagentoGateway magento, Function<String, CanonicalInvoice> invoiceParser,
                BindingStore bindings, SageGateway sage, XrefStore xrefs, SageReferenceDefaults defaults,
                SyncWorkerSettings settings, Clock clock) {
        this.tenantId = tenantId;
        this.magento = magento;
        this.invoiceParser = invoiceParser;
        this.bindings = bindings;
        this.sage = sage;
        this.xrefs = xrefs;
        this.defaults = defaults;
        this.settings = settings;
        this.clock = clock;
        this.contacts = new ContactResolver(tenantId, sage, xrefs, clock, settings.lookupBeforePostAfter());
    }

    /** Sales of synced stock items re-sync those products, so Sage's stock follows Magento's between events. */
    void refreshStockWith(java.util.function.BiConsumer<Long, String> refresh) {
        this.stockRefresh = refresh;
    }

    RunOutcome sync(SyncJob job, SyncRun run, Instant startedAt) {
        return syncInvoice(job.magentoEntityId(), run, startedAt, false);
    }

    /**
     * Posts invoice {@code invoiceId} unless it is already in Sage.
     *
     * @param paidEvent true when called for {@code invoice.paid}: the invoice is paid now, so the "unpaid" policy
     *                  rule no longer holds it back (what {@code sync_unpaid_invoices=false} exists for)
     */
    RunOutcome syncInvoice(long invoiceId, SyncRun run, Instant startedAt, boolean paidEvent) {
        String invoiceKey = Xref.invoiceKey(invoiceId);
        Optional<Xref> posted = xrefs.find(invoiceKey);
        if (posted.isPresent()) {
            // an earlier attempt posted it and crashed before marking the run: never post twice
            return RunOutcome.succeeded(posted.get().sageId(), posted.get().sageReference(), false, startedAt,
                    clock.instant());
        }
        CanonicalInvoice invoice = fetch(invoiceId);
        SyncPolicy stored = storedPolicy();
        PolicyDecision decision = SyncPolicyEvaluator.evaluateInvoice(invoice, stored,
                paidEvent || invoice.state() == InvoiceState.PAID);
        if (!decision.shouldProceed()) {
            return RunOutcome.skipped(decision.skipReason().code(), startedAt, clock.instant());
        }
        SyncPolicy policy = sageCall(() -> defaults.complete(stored));
        SageBusiness business = sageCall(() -> defaults.business(policy));
        mapping(business::region);
        Set<MappingWarning> contactWarnings = new LinkedHashSet<>();
        boolean destination = InvoiceMapper.destinationSupply(invoice, business);
        String contactId = contacts.contactFor(invoice, policy, destination, contactWarnings);
        String idempotencyId = IdempotencyIds.of(tenantId, EntityType.INVOICE, invoice.magentoId(),
                EventName.INVOICE_CREATED);
        SageBusiness documentBusiness = destination ? business.withDestinationRates(sageCall(() ->
                sage.destinationTaxRates(contactId, LocalDate.ofInstant(invoice.createdAt(),
                        business.region().zone())))) : business;
        InvoiceMappingResult mapped = mapping(() -> InvoiceMapper.map(invoice, policy, documentBusiness, contactId,
                idempotencyId, CatalogKeys.links(policy, xrefs)));
        List<String> warnings = new ArrayList<>(contactWarnings.stream().map(MappingWarning::code).toList());
        mapped.warningCodes().stream().filter(c -> !warnings.contains(c)).forEach(warnings::add);
        PostedInvoice result = null;
        String reference = mapped.request().reference();
        boolean beyondReplayWindow = run.createdAt().plus(settings.lookupBeforePostAfter()).isBefore(startedAt);
        if (beyondReplayWindow && reference != null) {
            result = sageCall(() -> sage.findSalesInvoiceByReference(reference)).orElse(null);
        }
        if (result == null) {
            result = sageCall(() -> defaults.forgetOnRejection(() -> sage.createSalesInvoice(mapped.request())));
        }
        PostedInvoice invoiceInSage = result;
        xrefs.put(invoiceKey, new Xref(invoiceInSage.id(), invoiceInSage.displayReference()));
        if (policy.syncProducts() && policy.syncStock()) {
            refreshSoldStock(invoice, run.runId(), warnings);
        }
        InvoiceReconciliation.Result readBack = sageCall(() -> InvoiceReconciliation.check(invoice, invoiceInSage,
                business.baseCurrency(), sage));
        Instant finishedAt = clock.instant();
        var totals = new DocumentTotals(DocumentTotals.Kind.INVOICE, mapped.request().date(), invoice.currency(),
                invoice.grandTotal(), readBack.sageTotal());
        if (readBack.mismatch().isPresent()) {
            return RunOutcome.reconciliationFailed(invoiceInSage.id(), invoiceInSage.displayReference(),
                    readBack.mismatch().get(), warnings, startedAt, finishedAt).withTotals(totals);
        }
        return RunOutcome.succeeded(invoiceInSage.id(), invoiceInSage.displayReference(), false, startedAt,
                finishedAt).withWarnings(warnings).withTotals(totals);
    }

    /** A failed stock refresh never fails the invoice (it is in Sage): it is a warning, and the next event heals. */
    private void refreshSoldStock(CanonicalInvoice invoice, String runId, List<String> warnings) {
        for (long productId : CatalogKeys.stockItemProducts(invoice.lines().stream()
                .map(io.sagesync.domain.magento.CanonicalInvoiceLine::sku).toList(), xrefs)) {
            try {
                stockRefresh.accept(productId, runId);
            } catch (SyncFailure e) {
                if (!warnings.contains(STOCK_REFRESH_FAILED)) {
                    warnings.add(STOCK_REFRESH_FAILED);
                }
            }
        }
    }

    /** Warning code: a sold stock item could not be brought to Magento's stock after the invoice. */
    static final String STOCK_REFRESH_FAILED = "stock_refresh_failed";

    private CanonicalInvoice fetch(long invoiceId) {
        String body = MagentoFetch.body(() -> magento.fetchCanonical(EntityType.INVOICE, invoiceId), bindings,
                "invoice");
        try {
            return invoiceParser.apply(body);
        } catch (CanonicalParseException e) {
            throw SyncFailure.permanent(ErrorClass.SERDE, "canonical_invoice_unreadable", e);
        }
    }

    private SyncPolicy storedPolicy() {
        return storedPolicy(bindings);
    }

    /** The merchant's saved policy; an invalid one fails the run as validation. */
    static SyncPolicy storedPolicy(BindingStore bindings) {
        try {
            return bindings.policy();
        } catch (PolicyValidationException e) {
            throw SyncFailure.permanent(ErrorClass.VALIDATION, "sync_policy_invalid", e);
        }
    }

    static <T> T mapping(Supplier<T> step) {
        try {
            return step.get();
        } catch (MappingException e) {
            throw SyncFailure.permanent(ErrorClass.VALIDATION, e.code(), e,
                    e.warnings().stream().map(MappingWarning::code).toList());
        } catch (IllegalArgumentException e) {
            // a record constructor refused a value (e.g. a name over Sage's limit): the data cannot go as is
            throw SyncFailure.permanent(ErrorClass.VALIDATION, "sage_request_invalid", e);
        }
    }

    static <T> T sageCall(Supplier<T> call) {
        try {
            return call.get();
        } catch (SageCallException e) {
            throw SyncFailure.of(e);
        }
    }
}
