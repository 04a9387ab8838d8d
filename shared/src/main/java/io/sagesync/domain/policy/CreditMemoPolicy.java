package io.sagesync.domain.policy;

import io.sagesync.domain.magento.CanonicalCreditMemo;
import java.util.Optional;

/**
 * The sync policy for a credit memo (§f): {@code sync_since} applies to memos by their own {@code created_at}, and
 * the website and store filters by the memo's website and the event's store. The invoice-only rules (unpaid, zero
 * value) do not apply to the memo itself: whether its <i>invoice</i> was synced decides the rest (a memo whose
 * invoice the policy skipped is skipped with {@link #INVOICE_SKIPPED_BY_POLICY}).
 */
public final class CreditMemoPolicy {
    /** Skip reason: an order-level (offline) refund with no invoice to credit. */
    public static final String WITHOUT_INVOICE = "creditmemo_without_invoice";
    /** Skip reason: the memo's invoice was skipped by the policy, so there is nothing in Sage to credit. */
    public static final String INVOICE_SKIPPED_BY_POLICY = "invoice_skipped_by_policy";

    private CreditMemoPolicy() {
    }

    /** The skip reason for {@code memo}, or empty when it should be synced. */
    public static Optional<String> skipReason(CanonicalCreditMemo memo, long storeId, SyncPolicy policy) {
        if (memo.invoiceId() == null) {
            return Optional.of(WITHOUT_INVOICE);
        }
        if (policy.syncSince() != null && memo.createdAt().isBefore(policy.syncSince())) {
            return Optional.of(SkipReason.OUTSIDE_SYNC_SINCE.code());
        }
        if (!policy.websiteFilter().isEmpty() && !policy.websiteFilter().contains(memo.websiteId())) {
            return Optional.of(SkipReason.WEBSITE_FILTERED.code());
        }
        if (!policy.storeFilter().isEmpty() && !policy.storeFilter().contains(storeId)) {
            return Optional.of(SkipReason.STORE_FILTERED.code());
        }
        return Optional.empty();
    }
}
