package io.sagesync.domain.policy;

import io.sagesync.domain.ErrorClass;
import java.util.List;

/**
 * A sync-policy document was rejected. Carries one message per offending field, each starting with the field's
 * snake_case name, so a settings screen can show them next to the inputs.
 */
public final class PolicyValidationException extends RuntimeException {
    private final List<String> fieldErrors;

    public PolicyValidationException(List<String> fieldErrors) {
        super("invalid sync policy: " + String.join("; ", fieldErrors));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<String> fieldErrors() {
        return fieldErrors;
    }

    public ErrorClass errorClass() {
        return ErrorClass.VALIDATION;
    }
}
