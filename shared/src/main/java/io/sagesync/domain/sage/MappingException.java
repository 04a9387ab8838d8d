package io.sagesync.domain.sage;

import io.sagesync.domain.ErrorClass;

/**
 * The entity cannot be mapped to Sage with the current configuration (e.g. no default ledger account, no billing
 * address). {@link ErrorClass#VALIDATION}: retrying without a settings change will not help. The message is a short
 * code-like sentence without personal data.
 */
public final class MappingException extends RuntimeException {
    private final String code;

    public MappingException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public ErrorClass errorClass() {
        return ErrorClass.VALIDATION;
    }
}
