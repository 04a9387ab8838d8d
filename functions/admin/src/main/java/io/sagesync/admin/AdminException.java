package io.sagesync.admin;

/**
 * An admin action failed for a reason the operator can act on. {@link #code()} is a stable machine-readable code;
 * the message says what to do. Neither ever contains a token, code or key.
 */
public final class AdminException extends RuntimeException {
    private final String code;

    public AdminException(String code, String message) {
        super(message);
        this.code = code;
    }

    public AdminException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
