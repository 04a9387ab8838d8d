package io.sagesync.port;

import io.sagesync.domain.ErrorClass;

/**
 * The one shape of a failed call to a partner system (Magento, Sage): what it means ({@link #errorClass()}, whether
 * a later retry may help), the HTTP status and a short machine-readable detail. Classified once, where the call is
 * made; callers read these fields and never re-translate. Messages and details never carry tokens, keys or bodies.
 */
public abstract class PartnerCallException extends RuntimeException {

    /** What a failure means for the caller; each partner has its own enum of these. */
    public interface FailureKind {
        /** The error class recorded on a failed run. */
        ErrorClass errorClass();

        /** Whether repeating the same call later may succeed. */
        boolean retryable();
    }

    private final int httpStatus;
    private final String detail;

    protected PartnerCallException(int httpStatus, String detail, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.detail = detail;
    }

    /** What the failure means; see the partner's own {@code Kind}. */
    public abstract FailureKind failureKind();

    /** The HTTP status the partner answered, or 0 when no response arrived (timeout, connection error). */
    public int httpStatus() {
        return httpStatus;
    }

    /** A short detail safe for a run's reason (e.g. Sage's {@code RecordInvalid@reference}), or null. */
    public String detail() {
        return detail;
    }

    public ErrorClass errorClass() {
        return failureKind().errorClass();
    }

    public boolean retryable() {
        return failureKind().retryable();
    }
}
