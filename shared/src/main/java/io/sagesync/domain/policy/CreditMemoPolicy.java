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

    /**
     * The skip reason for {@code memo}, or empty when it should be synced.
     *
     * @param storeId the event's store; 0 when unknown (a replayed run), then the caller applies the store filter
     *                with the invoice's store ({@link #storeFiltered})
     */
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
        if (storeId > 0 && storeFiltered(storeId, policy)) {
            return Optional.of(SkipReason.STORE_FILTERED.code());
        }
        return Optional.empty();
    }

    /** Whether the store filter excludes {@code storeId}. */
    public static boolean storeFiltered(long storeId, SyncPolicy policy) {
        return !policy.storeFilter().isEmpty() && !policy.storeFilter().contains(storeId);
    }
}
