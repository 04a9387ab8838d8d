package io.sagesync.application.admin;

import java.util.Objects;

/**
 * An operator action refused for a reason the operator can fix: a stable {@code code} for scripts and a message
 * saying what to do. Never carries keys, codes, verifiers or tokens.
 */
public final class AdminException extends RuntimeException {
    private final String code;

    public AdminException(String code, String message) {
        this(code, message, null);
    }

    public AdminException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code);
    }

    public String code() {
        return code;
    }
}
