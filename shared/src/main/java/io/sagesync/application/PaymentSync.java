package io.sagesync.application;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.Xref;
import io.sagesync.domain.magento.CanonicalParseException;
import io.sagesync.domain.magento.CanonicalPayment;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.domain.sage.IdempotencyIds;
import io.sagesync.domain.sage.PaymentMapper;
import io.sagesync.domain.sage.SageBusiness;
import io.sagesync.domain.sage.SageReferenceData;
import io.sagesync.domain.sage.SageContactPaymentRequest;
import io.sagesync.domain.sage.SageSalesInvoice;
import io.sagesync.port.BindingStore;
import io.sagesync.port.MagentoGateway;
import io.sagesync.port.SageGateway;
import io.sagesync.port.XrefStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code invoice.paid} → one Sage customer receipt allocated to the invoice, exactly once: payment xref → invoice
 * xref (missing: with {@code sync_unpaid_invoices=false} the invoice was held back as unpaid, so it is posted now,
 * through {@link InvoiceSync} with all its checks; otherwise retry later, because Magento does not order
 * invoice.paid after invoice.created) → Magento payment → bank account from the saved policy (unmapped without
 * default, or mapped to "None" → skipped {@value #METHOD_NOT_MAPPED}; in another currency than the receipt →
 * failed) → the Sage invoice (its contact, currency, rate, outstanding amount) → POST {@code /contact_payments}
 * dated by the capture time in the business's time zone, with Sage's payment method and the deterministic
 * idempotency id → payment xref. Failures surface as {@link SyncFailure}.
 */
final class PaymentSync {
    /** Skip reason: no bank account for the payment method, so the invoice stays unpaid for manual matching. */
    static final String METHOD_NOT_MAPPED = "payment_method_not_mapped";
    /** Retry reason while the invoice's own run has not put it into Sage yet. */
    static final String INVOICE_NOT_SYNCED_YET = "invoice_not_synced_yet";

    private final String tenantId;
    private final MagentoGateway magento;
    private final Function<String, CanonicalPayment> paymentParser;
    private final BindingStore bindings;
    private final SageGateway sage;
    private final XrefStore xrefs;
    private final SageReferenceDefaults defaults;
    private final InvoiceSync invoices;
    private final Clock clock;

    PaymentSync(String tenantId, MagentoGateway magento, Function<String, CanonicalPayment> paymentParser,
                BindingStore bindings, SageGateway sage, XrefStore xrefs, SageReferenceDefaults defaults,
                InvoiceSync invoices, Clock clock) {
        this.tenantId = tenantId;
        this.magento = magento;
        this.paymentParser = paymentParser;
        this.bindings = bindings;
        this.sage = sage;
        this.xrefs = xrefs;
        this.defaults = defaults;
        this.invoices = invoices;
        this.clock = clock;
    }

    /** Cross-reference key of an invoice's receipt, {@code payment:<magento invoice id>}. */
    static String paymentKey(long magentoInvoiceId) {
        return "payment:" + magentoInvoiceId;
    }

    RunOutcome sync(SyncJob job, SyncRun run, Instant startedAt) {
        long invoiceId = job.magentoEntityId();
        String paymentKey = paymentKey(invoiceId);
        Optional<Xref> posted = xrefs.find(paymentKey);
        if (posted.isPresent()) {
            // an earlier attempt posted it and crashed before marking the run: never pay twice
            return RunOutcome.succeeded(posted.get().sageId(), posted.get().sageReference(), false, startedAt,
                    clock.instant());
        }
        SyncPolicy stored = InvoiceSync.storedPolicy(bindings);
        List<String> invoiceWarnings = List.of();
        Optional<Xref> invoiceXref = xrefs.find(Xref.invoiceKey(invoiceId));
        if (invoiceXref.isEmpty()) {
            if (stored.syncUnpaidInvoices()) {
                // never create the invoice from here: its own run owns it and will post it
                throw SyncFailure.retryable(ErrorClass.NOT_FOUND, INVOICE_NOT_SYNCED_YET, null);
            }
            // held back as unpaid by the policy: now that it is paid, post it (same idempotency id as its own run)
            RunOutcome invoiceOutcome = invoices.syncInvoice(invoiceId, run, startedAt, true);
            if (invoiceOutcome.status() != RunStatus.SUCCEEDED) {
                return invoiceOutcome;
            }
            invoiceWarnings = invoiceOutcome.warnings();
            invoiceXref = xrefs.find(Xref.invoiceKey(invoiceId));
        }
        Xref invoiceInSage = invoiceXref.orElseThrow(() ->
                SyncFailure.retryable(ErrorClass.NOT_FOUND, INVOICE_NOT_SYNCED_YET, null));
        CanonicalPayment payment = fetch(invoiceId);
        // the saved policy, not the one completed from reference data: an unset default bank must skip, not guess
        Optional<String> bank = PaymentMapper.bankAccountFor(payment.method(), stored);
        if (bank.isEmpty()) {
            return RunOutcome.skipped(METHOD_NOT_MAPPED, startedAt, clock.instant());
        }
        SyncPolicy completed = InvoiceSync.sageCall(() -> defaults.complete(stored));
        SageBusiness business = InvoiceSync.sageCall(() -> defaults.business(completed));
        SageSalesInvoice invoice = InvoiceSync.sageCall(() -> sage.findSalesInvoice(invoiceInSage.sageId()));
        String currency = invoice.currencyId() != null ? invoice.currencyId() : payment.currency();
        SageReferenceData reference = InvoiceSync.sageCall(defaults::referenceData);
        InvoiceSync.mapping(() -> {
            PaymentMapper.requireBankCurrency(reference, bank.get(), currency);
            return null;
        });
        // the receipt is dated when the money was taken; without a capture time, when Magento reported it
        Instant captured = payment.capturedAt() != null ? payment.capturedAt() : run.createdAt();
        LocalDate date = LocalDate.ofInstant(captured, InvoiceSync.mapping(business::region).zone());
        String idempotencyId = IdempotencyIds.of(tenantId, EntityType.INVOICE, invoiceId, EventName.INVOICE_PAID);
        SageContactPaymentRequest request = InvoiceSync.mapping(() ->
                PaymentMapper.map(payment, invoice, bank.get(), business.baseCurrency(), date, idempotencyId));
        String paymentId = InvoiceSync.sageCall(() -> defaults.forgetOnRejection(() ->
                sage.createContactPayment(request)));
        xrefs.put(paymentKey, new Xref(paymentId, request.reference()));
        return RunOutcome.succeeded(paymentId, request.reference(), false, startedAt, clock.instant())
                .withWarnings(invoiceWarnings);
    }

    private CanonicalPayment fetch(long invoiceId) {
        String body = MagentoFetch.body(() -> magento.fetchPayment(invoiceId), bindings, "payment");
        try {
            return paymentParser.apply(body);
        } catch (CanonicalParseException e) {
            throw SyncFailure.permanent(ErrorClass.SERDE, "canonical_payment_unreadable", e);
        } catch (IllegalArgumentException e) {
            throw SyncFailure.permanent(ErrorClass.SERDE, "canonical_payment_unreadable", e);
        }
    }
}
