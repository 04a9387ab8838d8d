package io.sagesync.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The terminal outcome of one sync run, as {@link Outcomes} needs it to decide what Magento's chip shows.
 *
 * @param event           the webhook event the run handled
 * @param magentoEntityId the Magento entity id (for {@code invoice.paid}: the invoice's id)
 * @param status          succeeded, skipped or failed (never queued/running)
 * @param errorClass      for failed runs; null otherwise
 * @param skipReason      for skipped runs: the skip reason code; null otherwise
 * @param sageId          the Sage document of the Magento entity, if one exists. For {@code invoice.paid} this is
 *                        the <b>invoice's</b> Sage id (not the payment artefact's), because the mirror row Magento
 *                        shows is the invoice's
 * @param sageReference   its Sage reference / number (e.g. {@code SI-27}), same rule as {@code sageId}
 * @param decidedAt       when the outcome was decided; becomes {@code last_sync_at}
 */
public record RunOutcome(EventName event, long magentoEntityId, RunStatus status, ErrorClass errorClass,
                         String skipReason, String sageId, String sageReference, Instant decidedAt) {

    public RunOutcome {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("a run outcome is terminal; got " + status.wireName());
        }
        if (status == RunStatus.FAILED && errorClass == null) {
            throw new IllegalArgumentException("a failed outcome needs an error class");
        }
        if (status == RunStatus.SKIPPED && (skipReason == null || skipReason.isBlank())) {
            throw new IllegalArgumentException("a skipped outcome needs a skip reason");
        }
    }

    /** The entity posted to Sage (for {@code invoice.paid}: pass the invoice's Sage id and reference). */
    public static RunOutcome succeeded(EventName event, long magentoEntityId, String sageId, String sageReference,
                                       Instant at) {
        return new RunOutcome(event, magentoEntityId, RunStatus.SUCCEEDED, null, null, sageId, sageReference, at);
    }

    /**
     * The policy skipped the run. For {@code invoice.paid}, pass the invoice's Sage id and reference when the
     * invoice is already in Sage (so its Synced chip stays); otherwise null.
     */
    public static RunOutcome skipped(EventName event, long magentoEntityId, String skipReason, String sageId,
                                     String sageReference, Instant at) {
        return new RunOutcome(event, magentoEntityId, RunStatus.SKIPPED, null, skipReason, sageId, sageReference,
                at);
    }

    public static RunOutcome failed(EventName event, long magentoEntityId, ErrorClass errorClass, Instant at) {
        return new RunOutcome(event, magentoEntityId, RunStatus.FAILED, errorClass, null, null, null, at);
    }

    /**
     * The outcome recorded on a terminal run: its {@code reason} is the skip reason for skipped runs, and its
     * {@code updatedAt} is when the outcome was decided.
     */
    public static RunOutcome of(SyncRun run) {
        return new RunOutcome(run.event(), run.magentoEntityId(), run.status(), run.errorClass(),
                run.status() == RunStatus.SKIPPED ? run.reason() : null, run.sageId(), run.sageReference(),
                run.updatedAt());
    }
}
