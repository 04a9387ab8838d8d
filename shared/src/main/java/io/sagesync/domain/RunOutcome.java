package io.sagesync.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The terminal outcome of one run attempt.
 *
 * @param status        succeeded, skipped or failed
 * @param errorClass    failed runs only
 * @param reason        skip reason code, or a short failure message without personal data; may be null
 * @param sageId        Sage's id of the posted document, if any
 * @param sageReference Sage's reference / number, if any
 * @param totalMismatch Sage's total differs from Magento's grand_total
 * @param startedAt     when this attempt started
 * @param finishedAt    when it ended
 */
public record RunOutcome(RunStatus status, ErrorClass errorClass, String reason, String sageId, String sageReference,
                         boolean totalMismatch, Instant startedAt, Instant finishedAt) {
    public RunOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("outcome must be terminal: " + status);
        }
        if (status == RunStatus.FAILED && errorClass == null) {
            throw new IllegalArgumentException("a failed outcome needs an error class");
        }
    }

    public static RunOutcome succeeded(String sageId, String sageReference, boolean totalMismatch, Instant startedAt,
                                       Instant finishedAt) {
        return new RunOutcome(RunStatus.SUCCEEDED, null, null, sageId, sageReference, totalMismatch, startedAt,
                finishedAt);
    }

    public static RunOutcome skipped(String reasonCode, Instant startedAt, Instant finishedAt) {
        return new RunOutcome(RunStatus.SKIPPED, null, reasonCode, null, null, false, startedAt, finishedAt);
    }

    public static RunOutcome failed(ErrorClass errorClass, String reason, Instant startedAt, Instant finishedAt) {
        return new RunOutcome(RunStatus.FAILED, errorClass, reason, null, null, false, startedAt, finishedAt);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
