package io.sagesync.port;

import io.sagesync.domain.ErrorClass;

/**
 * A Sage call failed for good after the adapter's own retries. The message carries only method, path, status and
 * Sage's {@code $dataCode@$source} pairs (no tokens, no submitted values).
 */
public class SageCallException extends RuntimeException {

    /** What the failure means for the caller. */
    public enum Kind {
        /** 401/403 or a business mismatch: the connection must be fixed. */
        AUTH(ErrorClass.AUTH, false),
        /** 404. */
        NOT_FOUND(ErrorClass.NOT_FOUND, false),
        /** 400/409/422: Sage rejected the data. */
        VALIDATION(ErrorClass.VALIDATION, false),
        /** Still 429 after in-process retries. */
        RATE_LIMITED(ErrorClass.RATE_LIMITED, true),
        /** 5xx or timeout after in-process retries. */
        PROVIDER(ErrorClass.PROVIDER, true),
        /** A create may or may not have happened; retry only with the same idempotency id (or look it up). */
        UNKNOWN_OUTCOME(ErrorClass.PROVIDER, true),
        /** Anything else (unexpected status, unreadable success body). */
        HTTP(ErrorClass.HTTP, false);

        private final ErrorClass errorClass;
        private final boolean retryable;

        Kind(ErrorClass errorClass, boolean retryable) {
            this.errorClass = errorClass;
            this.retryable = retryable;
        }

        public ErrorClass errorClass() {
            return errorClass;
        }

        /** Whether the same call later (same idempotency id) may succeed. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final String detail;

    /**
     * @param detail short machine-readable detail safe for a run's reason, e.g. {@code RecordInvalid@reference}
     */
    public SageCallException(Kind kind, String detail, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    /** Sage's {@code $dataCode@$source} pairs, comma separated, or null. */
    public String detail() {
        return detail;
    }
}
