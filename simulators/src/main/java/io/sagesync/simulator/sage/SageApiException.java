package io.sagesync.simulator.sage;

import java.util.List;

/** A Sage error reply: HTTP status plus the {@code [{"$severity",...}]} error array entries. */
final class SageApiException extends RuntimeException {

    /** One entry of Sage's error array. */
    record SageError(String dataCode, String message, String source) {
    }

    private final int status;
    private final List<SageError> errors;

    SageApiException(int status, List<SageError> errors) {
        super(status + " " + errors);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static SageApiException invalid(String source, String message) {
        return new SageApiException(422, List.of(new SageError("RecordInvalid", message, source)));
    }

    static SageApiException notFound(String what) {
        return new SageApiException(404, List.of(new SageError("RecordNotFound", what + " not found", "")));
    }

    int status() {
        return status;
    }

    List<SageError> errors() {
        return errors;
    }
}
