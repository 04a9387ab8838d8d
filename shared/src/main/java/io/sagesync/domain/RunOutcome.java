package io.sagesync.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The terminal outcome of one run attempt.
 *
 * @param status         succeeded, skipped or failed
 * @param errorClass     failed runs only
 * @param reason         skip reason code, or a short failure message without personal data; may be null
 * @param sageId         Sage's id of the posted document, if any (also on a failed run whose document is in Sage)
 * @param sageReference  Sage's reference / number, if any
 * @param reconciliation null when Sage's read-back agreed with Magento; else what disagreed, e.g.
 *                       {@code total_amount 10.60 != grand_total 10.80}
 * @param warnings       mapping warning codes ({@code tax_rate_defaulted}, ...), stored on the run and logged
 * @param startedAt      when this attempt started
 * @param finishedAt     when it ended
 * @param totals         the posted document's money on both sides (null when nothing was posted or read back on
 *                       this attempt); reconciliation per day sums it
 */
public record RunOutcome(RunStatus status, ErrorClass errorClass, String reason, String sageId, String sageReference,
                         String reconciliation, List<String> warnings, Instant startedAt, Instant finishedAt,
                         DocumentTotals totals) {
    /** Reason of a run whose posted document Sage totals differently from Magento. */
    public static final String RECONCILIATION_MISMATCH = "reconciliation_mismatch";

    /** Without totals. */
    public RunOutcome(RunStatus status, ErrorClass errorClass, String reason, String sageId, String sageReference,
                      String reconciliation, List<String> warnings, Instant startedAt, Instant finishedAt) {
        this(status, errorClass, reason, sageId, sageReference, reconciliation, warnings, startedAt, finishedAt, null);
    }

    public RunOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("outcome must be terminal: " + status);
        }
        if (status == RunStatus.FAILED && errorClass == null) {
            throw new IllegalArgumentException("a failed outcome needs an error class");
        }
    }

    /** Succeeded; {@code totalMismatch} records an unspecified reconciliation mismatch (kept for older callers). */
    public static RunOutcome succeeded(String sageId, String sageReference, boolean totalMismatch, Instant startedAt,
                                       Instant finishedAt) {
        return new RunOutcome(RunStatus.SUCCEEDED, null, null, sageId, sageReference,
                totalMismatch ? RECONCILIATION_MISMATCH : null, List.of(), startedAt, finishedAt);
    }

    public static RunOutcome skipped(String reasonCode, Instant startedAt, Instant finishedAt) {
        return new RunOutcome(RunStatus.SKIPPED, null, reasonCode, null, null, null, List.of(), startedAt,
                finishedAt);
    }

    public static RunOutcome failed(ErrorClass errorClass, String reason, Instant startedAt, Instant finishedAt) {
        return new RunOutcome(RunStatus.FAILED, errorClass, reason, null, null, null, List.of(), startedAt,
                finishedAt);
    }

    /**
     * The document is in Sage but Sage's totals disagree with Magento's: failed as {@code validation} so the
     * merchant sees it, with the Sage document kept on the run (it is never posted again).
     */
    public static RunOutcome reconciliationFailed(String sageId, String sageReference, String mismatch,
                                                  List<String> warnings, Instant startedAt, Instant finishedAt) {
        return new RunOutcome(RunStatus.FAILED, ErrorClass.VALIDATION, RECONCILIATION_MISMATCH, sageId,
                sageReference, Objects.requireNonNull(mismatch, "mismatch"), warnings, startedAt, finishedAt);
    }

    /** The same outcome with these warnings. */
    public RunOutcome withWarnings(List<String> codes) {
        return new RunOutcome(status, errorClass, reason, sageId, sageReference, reconciliation, codes, startedAt,
                finishedAt, totals);
    }

    /** The same outcome with the posted document's totals. */
    public RunOutcome withTotals(DocumentTotals documentTotals) {
        return new RunOutcome(status, errorClass, reason, sageId, sageReference, reconciliation, warnings, startedAt,
                finishedAt, documentTotals);
    }

    /** True when Sage's read-back disagreed with Magento. */
    public boolean totalMismatch() {
        return reconciliation != null;
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
