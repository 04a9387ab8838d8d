package io.sagesync.domain.policy;

import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.InvoiceState;

/**
 * Applies the sync policy to an invoice in the documented order (§f): unpaid → zero value → {@code sync_since} →
 * website filter → store filter. The first rule that matches decides.
 */
public final class SyncPolicyEvaluator {
    private SyncPolicyEvaluator() {
    }

    /**
     * Decides whether an invoice is synced.
     *
     * @param invoice         the canonical invoice
     * @param policy          the policy snapshot captured at enqueue
     * @param paidAtCreation  whether the invoice was already paid when created (the caller knows from the event;
     *                        for {@code invoice.created} it is normally the canonical's {@code state == paid})
     * @return proceed, or skip with the first matching reason
     */
    public static PolicyDecision evaluateInvoice(CanonicalInvoice invoice, SyncPolicy policy, boolean paidAtCreation) {
        if (!policy.syncUnpaidInvoices() && !paidAtCreation) {
            return PolicyDecision.skip(SkipReason.UNPAID_INVOICE_NOT_SYNCED);
        }
        if (!policy.syncZeroValueInvoices() && invoice.grandTotal().signum() == 0) {
            return PolicyDecision.skip(SkipReason.ZERO_VALUE_INVOICE);
        }
        if (policy.syncSince() != null && invoice.createdAt().isBefore(policy.syncSince())) {
            return PolicyDecision.skip(SkipReason.OUTSIDE_SYNC_SINCE);
        }
        if (!policy.websiteFilter().isEmpty() && !policy.websiteFilter().contains(invoice.websiteId())) {
            return PolicyDecision.skip(SkipReason.WEBSITE_FILTERED);
        }
        if (!policy.storeFilter().isEmpty() && !policy.storeFilter().contains(invoice.storeId())) {
            return PolicyDecision.skip(SkipReason.STORE_FILTERED);
        }
        return PolicyDecision.proceed();
    }

    /** As {@link #evaluateInvoice(CanonicalInvoice, SyncPolicy, boolean)}, taking "paid" from the canonical state. */
    public static PolicyDecision evaluateInvoice(CanonicalInvoice invoice, SyncPolicy policy) {
        return evaluateInvoice(invoice, policy, invoice.state() == InvoiceState.PAID);
    }
}
