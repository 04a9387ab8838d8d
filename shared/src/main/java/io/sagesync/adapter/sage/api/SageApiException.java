package io.sagesync.adapter.sage.api;

import io.sagesync.port.SageCallException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Sage call failed for good (after any in-process retries), classified once by {@link SageHttpClient} into a
 * {@link SageCallException.Kind}. It is the port's {@link SageCallException}, so callers see the port type; this
 * subclass keeps the transport facts for adapter code and tests: Sage's error array (whose {@code $message} texts
 * can echo submitted values, so they are never put into the message), {@code x_request_id} and {@code Retry-After}.
 * The message holds method, path, status, kind and Sage's {@code $dataCode@$source} pairs only.
 */
public class SageApiException extends SageCallException {
    private final List<SageError> errors;
    private final String requestId;
    private final Duration retryAfter;

    public SageApiException(Kind kind, String method, String path, int status, List<SageError> errors,
                            String requestId, Duration retryAfter, Throwable cause) {
        super(kind, status, codes(errors), describe(kind, method, path, status, errors, requestId), cause);
        this.errors = List.copyOf(errors);
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    /** The last HTTP status, or 0 if no response arrived (timeout, connection error). */
    public int status() {
        return httpStatus();
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

    /** Sage's {@code $dataCode@$source} pairs, comma separated, or null when the answer had none. */
    private static String codes(List<SageError> errors) {
        String codes = errors.stream()
                .map(e -> (e.dataCode() == null ? "?" : e.dataCode())
                        + (e.source() == null || e.source().isBlank() ? "" : "@" + e.source()))
                .collect(Collectors.joining(","));
        return codes.isEmpty() ? null : codes;
    }

    private static String describe(Kind kind, String method, String path, int status, List<SageError> errors,
                                   String requestId) {
        String codes = errors.stream()
                .map(e -> (e.dataCode() == null ? "?" : e.dataCode()) + (e.source() == null ? "" : "@" + e.source()))
                .collect(Collectors.joining(","));
        return "Sage " + method + " " + path + " failed: " + kind + " status=" + status
                + (codes.isEmpty() ? "" : " errors=" + codes)
                + (requestId == null ? "" : " x_request_id=" + requestId);
    }
}
