package io.sagesync.domain.policy;

import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.CanonicalProduct;
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

    /**
     * Decides whether a product is synced (§f, §g): {@code sync_products} off → skipped; not on any website of the
     * filter → skipped; a type with no Sage counterpart (configurable, bundle, grouped, gift cards ...) → skipped.
     */
    public static PolicyDecision evaluateProduct(CanonicalProduct product, SyncPolicy policy) {
        if (!policy.syncProducts()) {
            return PolicyDecision.skip(SkipReason.PRODUCT_SYNC_DISABLED);
        }
        if (!policy.websiteFilter().isEmpty() && product.websiteIds().stream()
                .noneMatch(policy.websiteFilter()::contains)) {
            return PolicyDecision.skip(SkipReason.WEBSITE_FILTERED);
        }
        if (!PRODUCT_TYPES_SYNCED.contains(product.productType())) {
            return PolicyDecision.skip(SkipReason.PRODUCT_TYPE_NOT_SUPPORTED);
        }
        return PolicyDecision.proceed();
    }

    /** Decides whether a customer save updates Sage: only the website filter applies. */
    public static PolicyDecision evaluateCustomer(CanonicalContact customer, SyncPolicy policy) {
        if (!policy.websiteFilter().isEmpty() && !policy.websiteFilter().contains(customer.websiteId())) {
            return PolicyDecision.skip(SkipReason.WEBSITE_FILTERED);
        }
        return PolicyDecision.proceed();
    }

    /** Magento product types with a Sage counterpart: simple → product or stock item; virtual, downloadable → service. */
    public static final java.util.Set<String> PRODUCT_TYPES_SYNCED = java.util.Set.of("simple", "virtual",
            "downloadable");
}
