package io.sagesync.application;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.Xref;
import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.CanonicalParseException;
import io.sagesync.domain.policy.PolicyDecision;
import io.sagesync.domain.policy.PolicyValidationException;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.domain.policy.SyncPolicyEvaluator;
import io.sagesync.domain.sage.ContactKeys;
import io.sagesync.domain.sage.ContactMapper;
import io.sagesync.domain.sage.ContactRoute;
import io.sagesync.domain.sage.ContactRouting;
import io.sagesync.domain.sage.IdempotencyIds;
import io.sagesync.domain.sage.InvoiceMapper;
import io.sagesync.domain.sage.InvoiceMappingResult;
import io.sagesync.domain.sage.MappingException;
import io.sagesync.domain.sage.PostedInvoice;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.log.JsonLog;
import io.sagesync.port.BindingStore;
import io.sagesync.port.MagentoGateway;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageGateway;
import io.sagesync.port.XrefStore;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code invoice.created} → one Sage sales invoice, exactly once: invoice xref → Magento fetch → policy → contact
 * (xref, then Sage search by reference, then create) → map → (old run: search by reference) → POST with the
 * deterministic idempotency id → xref → total check. Failures surface as {@link SyncFailure}.
 */
final class InvoiceSync {
    private static final JsonLog LOG = JsonLog.of(InvoiceSync.class);

    private final String tenantId;
    private final MagentoGateway magento;
    private final Function<String, CanonicalInvoice> invoiceParser;
    private final BindingStore bindings;
    private final SageGateway sage;
    private final XrefStore xrefs;
    private final SageReferenceDefaults defaults;
    private final SyncWorkerSettings settings;
    private final Clock clock;

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
    }

    RunOutcome sync(SyncJob job, SyncRun run, Instant startedAt) {
        String invoiceKey = Xref.invoiceKey(job.magentoEntityId());
        Optional<Xref> posted = xrefs.find(invoiceKey);
        if (posted.isPresent()) {
            // an earlier attempt posted it and crashed before marking the run: never post twice
            return RunOutcome.succeeded(posted.get().sageId(), posted.get().sageReference(), false, startedAt,
                    clock.instant());
        }
        CanonicalInvoice invoice = fetch(job.magentoEntityId());
        SyncPolicy stored = storedPolicy();
        PolicyDecision decision = SyncPolicyEvaluator.evaluateInvoice(invoice, stored);
        if (!decision.shouldProceed()) {
            return RunOutcome.skipped(decision.skipReason().code(), startedAt, clock.instant());
        }
        SyncPolicy policy = sageCall(() -> defaults.complete(stored));
        String contactId = contactFor(invoice, policy);
        String idempotencyId = IdempotencyIds.of(tenantId, EntityType.INVOICE, invoice.magentoId(),
                EventName.INVOICE_CREATED);
        InvoiceMappingResult mapped = mapping(() -> InvoiceMapper.map(invoice, policy, contactId, idempotencyId));
        PostedInvoice result = null;
        String reference = mapped.request().reference();
        boolean beyondReplayWindow = run.createdAt().plus(settings.lookupBeforePostAfter()).isBefore(startedAt);
        if (beyondReplayWindow && reference != null) {
            result = sageCall(() -> sage.findSalesInvoiceByReference(reference)).orElse(null);
        }
        if (result == null) {
            result = sageCall(() -> sage.createSalesInvoice(mapped.request()));
        }
        PostedInvoice invoiceInSage = result;
        xrefs.put(invoiceKey, new Xref(invoiceInSage.id(), invoiceInSage.displayReference()));
        boolean mismatch = invoiceInSage.totalAmount() != null && invoiceInSage.totalAmount()
                .compareTo(invoice.grandTotal().setScale(2, RoundingMode.HALF_UP)) != 0;
        if (mismatch) {
            LOG.warn("sage total differs from magento grand_total", "run_id", run.runId(),
                    "magento_entity_id", invoice.magentoId(), "sage_id", invoiceInSage.id(),
                    "code", "total_mismatch");
        }
        return RunOutcome.succeeded(invoiceInSage.id(), invoiceInSage.displayReference(), mismatch, startedAt,
                clock.instant());
    }

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

    /** Contact per (buyer, currency), or the per-currency B2C fallback; searched in Sage before any create. */
    private String contactFor(CanonicalInvoice invoice, SyncPolicy policy) {
        CanonicalContact buyer = invoice.customer();
        String currency = invoice.currency();
        String key = ContactKeys.xrefKey(buyer, currency);
        Optional<Xref> known = xrefs.find(key);
        ContactRoute route = ContactRouting.route(buyer, invoice.grandTotal(), policy, known.isPresent());
        if (route.individual()) {
            if (known.isPresent()) {
                return known.get().sageId();
            }
            String reference = mapping(() -> ContactKeys.reference(buyer, currency, policy.businessBaseCurrency()));
            return findOrCreateContact(key, reference, () -> ContactMapper.map(buyer,
                    invoice.effectiveBillingAddress().orElse(null), invoice.effectiveShippingAddress().orElse(null),
                    currency, policy, IdempotencyIds.of(tenantId, "contact", key, "create")));
        }
        String fallbackKey = ContactRouting.fallbackXrefKey(currency);
        Optional<Xref> fallback = xrefs.find(fallbackKey);
        if (fallback.isPresent()) {
            return fallback.get().sageId();
        }
        return findOrCreateContact(fallbackKey, ContactRouting.fallbackReference(policy, currency),
                () -> ContactRouting.fallbackContact(policy, currency,
                        IdempotencyIds.of(tenantId, "contact", fallbackKey, "create")));
    }

    /** A lost xref must not duplicate a contact: Sage is searched by the exact reference first. */
    private String findOrCreateContact(String xrefKey, String reference, Supplier<SageContactRequest> request) {
        String id = sageCall(() -> sage.findContactIdByReference(reference))
                .orElseGet(() -> sageCall(() -> sage.createContact(mapping(request))));
        xrefs.put(xrefKey, new Xref(id, reference));
        return id;
    }

    static <T> T mapping(Supplier<T> step) {
        try {
            return step.get();
        } catch (MappingException e) {
            throw SyncFailure.permanent(ErrorClass.VALIDATION, e.code(), e);
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
