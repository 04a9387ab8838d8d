package io.sagesync.security;

import java.util.Objects;

/**
 * The single exception for every rejected token: callers map it to HTTP 401 and log only {@link #reason()}.
 *
 * <p>The message is a fixed sentence per reason. It never contains the token, the key or any claim value, and no
 * cause is attached, because library exceptions (JJWT, Jackson) quote token content in their own messages.
 */
public final class TokenVerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a token was rejected; stable codes that are safe to log and to count in metrics. */
    public enum Reason {
        MISSING_AUTHORIZATION("no Authorization header"),
        MALFORMED_AUTHORIZATION("Authorization header is not 'Bearer <token>'"),
        MALFORMED_TOKEN("token is not a well-formed compact JWS"),
        UNSUPPORTED_ALGORITHM("token algorithm is not HS256"),
        BAD_SIGNATURE("token signature does not verify"),
        WRONG_ISSUER("token issuer is not accepted"),
        WRONG_AUDIENCE("token audience is not accepted"),
        WRONG_SUBJECT("token subject does not match the tenant"),
        EXPIRED("token has expired"),
        NOT_YET_VALID("token is not valid yet"),
        ISSUED_IN_FUTURE("token was issued in the future"),
        LIFETIME_TOO_LONG("token lifetime exceeds the maximum"),
        MISSING_CLAIM("token lacks a required claim"),
        INVALID_CLAIM("token claim has an invalid type or value"),
        REPLAYED("token id was already used");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    public TokenVerificationException(Reason reason) {
        super(Objects.requireNonNull(reason, "reason").message);
        this.reason = reason;
    }

    /** The rejection code; the only detail that may be logged or returned. */
    public Reason reason() {
        return reason;
    }
}
