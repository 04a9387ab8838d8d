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

    private SyncFailure(ErrorClass errorClass, String reason, boolean retryable, Throwable cause) {
        super(errorClass.wireName() + ": " + reason, cause);
        this.errorClass = errorClass;
        this.reason = reason;
        this.retryable = retryable;
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
