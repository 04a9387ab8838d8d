package io.sagesync.domain;

import io.sagesync.domain.SyncStateUpdate.SyncStatus;
import java.time.Instant;
import java.util.Set;

/**
 * The one place that decides what Magento's admin-grid chip shows for a run outcome (wire contract §e): which
 * {@code sync_status}, {@code skip_reason} and {@code error_code} a {@link RunOutcome} of an event becomes. See
 * {@code docs/outcomes.md} for the table.
 *
 * <p><b>The shared invoice row.</b> Magento keys its mirror table by (entity type, id, provider), and both
 * {@code invoice.created} and {@code invoice.paid} are about the {@code invoice} entity, so they write the same row,
 * and Magento always overwrites it. A payment outcome pushed naively would therefore hide a synced invoice: a
 * payment skip ({@code payment_method_not_mapped}) would turn a ✓ Synced invoice into ⏸ Skipped although the invoice
 * <i>is</i> in Sage. The rule, for {@code invoice.paid} only:
 * <ul>
 *   <li>payment succeeded → {@code synced} with the <b>invoice's</b> Sage id and reference (from its
 *       cross-reference; re-pushed, so the row also heals if an earlier payment failure had flipped it);</li>
 *   <li>payment skipped and the invoice is in Sage → stays {@code synced} with the invoice's ids; the skip reason is
 *       recorded on the run only. If the invoice is not in Sage either, the row shows the skip honestly;</li>
 *   <li>payment failed → {@code failed} with {@code error_code = payment_<class>} (e.g. {@code payment_validation}),
 *       so the merchant sees that the <i>payment</i> needs action, not the invoice. It flips back to {@code synced}
 *       when a later payment attempt succeeds.</li>
 * </ul>
 * Every other event maps directly: succeeded → synced with its Sage ids, skipped → skipped with the reason, failed
 * → failed with the error class.
 */
public final class Outcomes {

    /** Prefix of {@code error_code} for failures of the payment half of the shared invoice row. */
    public static final String PAYMENT_ERROR_PREFIX = "payment_";

    /**
     * Skip reasons sagesync emits: the module's documented ones plus sagesync's own for filters the docs name no
     * code for (wire contract §e). Unknown reasons are still pushed (Magento only shows them), this set documents
     * the vocabulary and lets tests catch typos.
     */
    public static final Set<String> SKIP_REASONS = Set.of(
            "payment_method_not_mapped", "outside_sync_since", "zero_value_invoice", "PRODUCT_TYPE_NOT_SUPPORTED",
            "mixed_eu_goods_services_coerced_to_default", "unpaid_invoice_not_synced", "website_filtered",
            "store_filtered", "product_sync_disabled", "creditmemo_without_invoice", "invoice_skipped_by_policy",
            "customer_not_in_sage");

    private Outcomes() {
    }

    /**
     * The mirror row Magento must hold after {@code outcome}. Never {@code pending}; strings cut to 64.
     *
     * @param event           the run's event
     * @param magentoEntityId the run's entity (for {@code invoice.paid}: the invoice id)
     * @param outcome         the terminal outcome; {@code finishedAt} becomes {@code last_sync_at}
     * @param invoiceInSage   for {@code invoice.paid}: the invoice's cross-reference when the invoice is in Sage,
     *                        else null; ignored for other events
     */
    public static SyncStateUpdate toUpdate(EventName event, long magentoEntityId, RunOutcome outcome,
                                           Xref invoiceInSage) {
        EntityType type = event.entityType();
        Instant at = outcome.finishedAt();
        boolean payment = event == EventName.INVOICE_PAID;
        if (payment && invoiceInSage != null && outcome.status() != RunStatus.FAILED) {
            // the row describes the invoice: success or skip of the payment keeps showing the synced invoice
            return SyncStateUpdate.synced(type, magentoEntityId, invoiceInSage.sageId(),
                    invoiceInSage.sageReference(), at);
        }
        return switch (outcome.status()) {
            case SUCCEEDED -> SyncStateUpdate.synced(type, magentoEntityId, outcome.sageId(),
                    outcome.sageReference(), at);
            case SKIPPED -> SyncStateUpdate.skipped(type, magentoEntityId, outcome.reason(), at);
            case FAILED -> payment
                    ? new SyncStateUpdate(type, magentoEntityId, SyncStateUpdate.SAGE_PROVIDER, SyncStatus.FAILED,
                            null, null, null, PAYMENT_ERROR_PREFIX + outcome.errorClass().wireName(), at)
                    : SyncStateUpdate.failed(type, magentoEntityId, outcome.errorClass(), at);
            case QUEUED, RUNNING -> throw new IllegalArgumentException("not a terminal outcome");
        };
    }

    /** As {@link #toUpdate(EventName, long, RunOutcome, Xref)} for a run with no invoice cross-reference. */
    public static SyncStateUpdate toUpdate(EventName event, long magentoEntityId, RunOutcome outcome) {
        return toUpdate(event, magentoEntityId, outcome, null);
    }

    /** The push job for a terminal run: what the sync worker enqueues onto the push queue. */
    public static PushJob pushJob(String runId, EventName event, long magentoEntityId, RunOutcome outcome,
                                  Xref invoiceInSage) {
        return new PushJob(runId, event, toUpdate(event, magentoEntityId, outcome, invoiceInSage));
    }
}
