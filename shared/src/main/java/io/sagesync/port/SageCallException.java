package io.sagesync.port;

import io.sagesync.domain.ErrorClass;
import java.util.Locale;

/**
 * A Sage call failed for good after the adapter's own retries. The message carries only method, path, status and
 * Sage's {@code $dataCode@$source} pairs (no tokens, no submitted values).
 */
public class SageCallException extends PartnerCallException {

    /** What the failure means for the caller. */
    public enum Kind implements FailureKind {
        /** 401/403: token refused, subscription expired, user lacks rights, or the connection needs the merchant. */
        AUTH(ErrorClass.AUTH, false, "auth"),
        /**
         * Sage echoed a different {@code X-Business} than we sent: the token is acting on another business. Stop; the
         * merchant must check the connection. Recorded on runs as an auth failure.
         */
        BUSINESS_MISMATCH(ErrorClass.AUTH, false, "auth"),
        /** 404. */
        NOT_FOUND(ErrorClass.NOT_FOUND, false, "not_found"),
        /** 400/409/422: Sage rejected the data. */
        VALIDATION(ErrorClass.VALIDATION, false, "validation"),
        /** Still 429 after in-process retries. */
        RATE_LIMITED(ErrorClass.RATE_LIMITED, true, "rate_limited"),
        /** 5xx or timeout after in-process retries. */
        PROVIDER(ErrorClass.PROVIDER, true, "provider"),
        /** A create may or may not have happened; retry only with the same idempotency id (or look it up). */
        UNKNOWN_OUTCOME(ErrorClass.PROVIDER, true, "unknown_outcome"),
        /** Anything else (unexpected status, unreadable success body). */
        HTTP(ErrorClass.HTTP, false, "http");

        private final ErrorClass errorClass;
        private final boolean retryable;
        private final String reasonCode;

        Kind(ErrorClass errorClass, boolean retryable, String reasonCode) {
            this.errorClass = errorClass;
            this.retryable = retryable;
            this.reasonCode = reasonCode;
        }

        @Override
        public ErrorClass errorClass() {
            return errorClass;
        }

        /** Whether the same call later (same idempotency id) may succeed. */
        @Override
        public boolean retryable() {
            return retryable;
        }

        /** The kind's name in API answers, e.g. {@code sage_business_mismatch}. */
        public String wireName() {
            return "sage_" + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;

    /**
     * @param detail short machine-readable detail safe for a run's reason, e.g. {@code RecordInvalid@reference}
     */
    public SageCallException(Kind kind, int httpStatus, String detail, String message, Throwable cause) {
        super(httpStatus, detail, message, cause);
        this.kind = kind;
    }

    public SageCallException(Kind kind, String detail, String message, Throwable cause) {
        this(kind, 0, detail, message, cause);
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public FailureKind failureKind() {
        return kind;
    }

    /**
     * The reason recorded on a failed run, e.g. {@code sage_validation: RecordInvalid@line_items.tax_rate_id}: the
     * kind, then Sage's codes (never its texts).
     */
    public String runReason() {
        return "sage_" + kind.reasonCode + (detail() == null ? "" : ": " + detail());
    }
}
