package io.sagesync.application;

import io.sagesync.domain.ErrorClass;
import io.sagesync.port.SageCallException;

/**
 * Why a sync attempt could not finish: retryable (goes to the delayed-retry queue) or permanent (the run fails now).
 * The reason is a short code safe to store and show, never a Magento or Sage body.
 */
final class SyncFailure extends RuntimeException {
    private final ErrorClass errorClass;
    private final String reason;
    private final boolean retryable;
    private final java.util.List<String> warnings;

    private SyncFailure(ErrorClass errorClass, String reason, boolean retryable, Throwable cause,
                        java.util.List<String> warnings) {
        super(errorClass.wireName() + ": " + reason, cause);
        this.errorClass = errorClass;
        this.reason = reason;
        this.retryable = retryable;
        this.warnings = java.util.List.copyOf(warnings);
    }

    private SyncFailure(ErrorClass errorClass, String reason, boolean retryable, Throwable cause) {
        this(errorClass, reason, retryable, cause, java.util.List.of());
    }

    /** A permanent failure that carries the mapping warnings collected before it (stored on the run). */
    static SyncFailure permanent(ErrorClass errorClass, String reason, Throwable cause,
                                 java.util.List<String> warnings) {
        return new SyncFailure(errorClass, reason, false, cause, warnings);
    }

    /** Mapping warning codes collected before the failure; usually empty. */
    java.util.List<String> warnings() {
        return warnings;
    }

    static SyncFailure retryable(ErrorClass errorClass, String reason, Throwable cause) {
        return new SyncFailure(errorClass, reason, true, cause);
    }

    static SyncFailure permanent(ErrorClass errorClass, String reason, Throwable cause) {
        return new SyncFailure(errorClass, reason, false, cause);
    }

    /** A Sage failure as its exception classified it: error class, retryability and reason unchanged. */
    static SyncFailure of(SageCallException e) {
        return new SyncFailure(e.errorClass(), e.runReason(), e.retryable(), e);
    }

    ErrorClass errorClass() {
        return errorClass;
    }

    String reason() {
        return reason;
    }

    boolean isRetryable() {
        return retryable;
    }
}
