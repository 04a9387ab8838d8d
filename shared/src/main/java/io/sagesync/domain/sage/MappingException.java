package io.sagesync.domain.sage;

import io.sagesync.domain.ErrorClass;

/**
 * The entity cannot be mapped to Sage with the current configuration (e.g. no default ledger account, no billing
 * address). {@link ErrorClass#VALIDATION}: retrying without a settings change will not help. The message is a short
 * code-like sentence without personal data.
 */
public final class MappingException extends RuntimeException {
    private final String code;
    private final java.util.List<MappingWarning> warnings;

    public MappingException(String code, String message) {
        this(code, message, java.util.List.of());
    }

    /** With the warnings the mapper had collected when it gave up (stored on the failed run). */
    public MappingException(String code, String message, java.util.Collection<MappingWarning> warnings) {
        super(code + ": " + message);
        this.code = code;
        this.warnings = java.util.List.copyOf(warnings);
    }

    /** Warnings collected before the failure; empty for configuration errors. */
    public java.util.List<MappingWarning> warnings() {
        return warnings;
    }

    public String code() {
        return code;
    }

    public ErrorClass errorClass() {
        return ErrorClass.VALIDATION;
    }
}
