package io.sagesync.port;

import io.sagesync.domain.ErrorClass;

/**
 * A call from sagesync to the merchant's Magento REST API failed. The {@link Kind} says what the caller should do;
 * the message holds only the route kind, the status and Magento's (truncated, parameter-free) error text, never
 * tokens or entity bodies.
 */
public class MagentoCallException extends PartnerCallException {

    /** What went wrong, from the caller's point of view. */
    public enum Kind implements FailureKind {
        /** 404: the entity does not exist (deleted, or wrong id). Not retryable. */
        NOT_FOUND(ErrorClass.NOT_FOUND, false),
        /** 401/403: the token was refused; pairing or key material is wrong. Not retryable as is. */
        AUTH(ErrorClass.AUTH, false),
        /** Another 4xx (not 408/429): Magento rejected the request itself (e.g. 400 on sync-state validation). */
        REJECTED(ErrorClass.HTTP, false),
        /** 5xx, 3xx, 408, 429, timeouts and connection errors: try again later. */
        TRANSIENT(ErrorClass.HTTP, true);

        private final ErrorClass errorClass;
        private final boolean retryable;

        Kind(ErrorClass errorClass, boolean retryable) {
            this.errorClass = errorClass;
            this.retryable = retryable;
        }

        @Override
        public ErrorClass errorClass() {
            return errorClass;
        }

        @Override
        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;

    /** @param detail short detail safe to show (e.g. Magento's cleaned message), or null */
    public MagentoCallException(Kind kind, int httpStatus, String detail, String message, Throwable cause) {
        super(httpStatus, detail, message, cause);
        this.kind = kind;
    }

    public MagentoCallException(Kind kind, int httpStatus, String message, Throwable cause) {
        this(kind, httpStatus, null, message, cause);
    }

    public MagentoCallException(Kind kind, int httpStatus, String message) {
        this(kind, httpStatus, message, null);
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public FailureKind failureKind() {
        return kind;
    }
}
