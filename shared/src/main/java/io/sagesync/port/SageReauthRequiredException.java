package io.sagesync.port;

import io.sagesync.domain.ErrorClass;

/**
 * The Sage connection cannot be used until a person reconnects it in the admin: Sage answered {@code invalid_grant}
 * to our refresh token (expired after 31 idle days, revoked, or burnt by a lost refresh response), or the tenant was
 * never connected. Terminal for the current run: retrying cannot help, so runs fail with {@link ErrorClass#AUTH} and
 * this exception's message, which tells the operator what to do.
 */
public final class SageReauthRequiredException extends RuntimeException {
    public static final String RECONNECT = "reconnect Sage in the admin";

    public SageReauthRequiredException(String message) {
        super(message);
    }

    public ErrorClass errorClass() {
        return ErrorClass.AUTH;
    }
}
