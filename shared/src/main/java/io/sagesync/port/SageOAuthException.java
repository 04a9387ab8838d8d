package io.sagesync.port;

/**
 * Sage's token or revoke endpoint refused a request or could not be reached. The message carries the OAuth error
 * code and HTTP status only, never the form we sent.
 */
public final class SageOAuthException extends RuntimeException {
    private final String error;
    private final int status;

    /**
     * @param error  the OAuth {@code error} code (e.g. {@code invalid_grant}), or {@code transport} when no answer
     * @param status the HTTP status, 0 when no answer arrived
     */
    public SageOAuthException(String error, int status, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.status = status;
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }

    /** Sage says the code or refresh token is bad, used, superseded or expired: only a person can fix this. */
    public boolean isInvalidGrant() {
        return "invalid_grant".equals(error);
    }

    /** No answer, 429 or 5xx: the same request may work later (but a refresh token may already be burnt). */
    public boolean isTransient() {
        return status == 0 || status == 429 || status >= 500;
    }
}
