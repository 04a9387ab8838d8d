package io.sagesync.adapter.sage;

import io.sagesync.domain.ErrorClass;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Sage call failed for good (after any in-process retries). The message holds method, path, status,
 * classification and Sage's {@code $dataCode@$source} pairs only; Sage's {@code $message} texts are in
 * {@link #errors()} for callers that decide what is safe to show.
 */
public class SageApiException extends RuntimeException {

    /** What the failure means for the caller. */
    public enum Classification {
        /** 401/403: token refused, subscription expired or user lacks rights. */
        AUTH(ErrorClass.AUTH, false),
        /** 404: unknown id or path. */
        NOT_FOUND(ErrorClass.NOT_FOUND, false),
        /** 400/409/422: Sage rejected the data; fix mapping or data, do not retry as is. */
        VALIDATION(ErrorClass.VALIDATION, false),
        /** 429 still returned after the in-process retries or sleep budget: retry later via the queue. */
        RATE_LIMITED(ErrorClass.RATE_LIMITED, true),
        /** 5xx, timeout or connection error after retries: retry later via the queue. */
        PROVIDER(ErrorClass.PROVIDER, true),
        /**
         * A create/update may or may not have happened (5xx or timeout on a POST/PUT without idempotency id). Must
         * not be blindly retried: look the record up first (e.g. by reference) or re-send with an idempotency id.
         */
        UNKNOWN_OUTCOME(ErrorClass.PROVIDER, false),
        /**
         * Sage echoed a different {@code X-Business} than we sent: the token is acting on another business. Stop;
         * the merchant must check the connection.
         */
        BUSINESS_MISMATCH(ErrorClass.AUTH, false),
        /** Any other status (405, 415, 3xx, unparseable success body...). */
        HTTP(ErrorClass.HTTP, false);

        private final ErrorClass errorClass;
        private final boolean retryLater;

        Classification(ErrorClass errorClass, boolean retryLater) {
            this.errorClass = errorClass;
            this.retryLater = retryLater;
        }

        /** The error class recorded on the failed run and shown on Magento's Failed chip. */
        public ErrorClass errorClass() {
            return errorClass;
        }

        /** Whether re-running the same request later (e.g. SQS redelivery) is safe and may succeed. */
        public boolean retryLater() {
            return retryLater;
        }
    }

    private final Classification classification;
    private final int status;
    private final List<SageError> errors;
    private final String requestId;
    private final Duration retryAfter;

    public SageApiException(Classification classification, String method, String path, int status,
                            List<SageError> errors, String requestId, Duration retryAfter, Throwable cause) {
        super(describe(classification, method, path, status, errors, requestId), cause);
        this.classification = classification;
        this.status = status;
        this.errors = List.copyOf(errors);
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    public Classification classification() {
        return classification;
    }

    /** The last HTTP status, or 0 if no response arrived (timeout, connection error). */
    public int status() {
        return status;
    }

    public List<SageError> errors() {
        return errors;
    }

    /** Sage's {@code x_request_id} of the last response, or null. */
    public String requestId() {
        return requestId;
    }

    /** The server's last {@code Retry-After} (uncapped), useful to delay the queue message. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static String describe(Classification c, String method, String path, int status,
                                   List<SageError> errors, String requestId) {
        String codes = errors.stream()
                .map(e -> (e.dataCode() == null ? "?" : e.dataCode()) + (e.source() == null ? "" : "@" + e.source()))
                .collect(Collectors.joining(","));
        return "Sage " + method + " " + path + " failed: " + c + " status=" + status
                + (codes.isEmpty() ? "" : " errors=" + codes)
                + (requestId == null ? "" : " x_request_id=" + requestId);
    }
}
