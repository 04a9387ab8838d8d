package io.sagesync.application;

/**
 * A webhook we refuse for good: Magento dead-letters every 4xx at once, so this is only for requests that can never
 * succeed as sent. Transient trouble on our side is an {@link io.sagesync.port.InfrastructureException} (503).
 * The code is a short machine-readable word that goes into the response body; never a secret or a stack trace.
 */
public final class WebhookRejectedException extends RuntimeException {
    /** Why, and so which 4xx. */
    public enum Kind {
        /** 401: bad or missing token, wrong tenant, replay. */
        UNAUTHENTICATED(401),
        /** 400: not the documented body. */
        INVALID_PAYLOAD(400),
        /** 413: bigger than any id-only webhook can be. */
        TOO_LARGE(413);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;
    private final String code;

    public WebhookRejectedException(Kind kind, String code) {
        super(code, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
