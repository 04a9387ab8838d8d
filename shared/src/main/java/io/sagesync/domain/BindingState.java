package io.sagesync.domain;

import java.time.Instant;

/**
 * The tenant's connection health, as operators and Magento's dashboard tile see it.
 *
 * @param magentoConnection {@code active}, or {@code token_revoked} after Magento answered 401 to our JWT
 * @param sageConnection    {@code not_connected}, {@code active}, or {@code needs_reauth} after {@code invalid_grant}
 * @param reason            short operator-facing explanation of the last flag (no secrets, no PII)
 * @param updatedAt         last change
 */
public record BindingState(String magentoConnection, String sageConnection, String reason, Instant updatedAt) {
    public static final String ACTIVE = "active";
    public static final String TOKEN_REVOKED = "token_revoked";
    public static final String NOT_CONNECTED = "not_connected";
    public static final String NEEDS_REAUTH = "needs_reauth";
    /** The merchant disconnected the store in Magento: no pushes until it is paired again. */
    public static final String DISCONNECTED = "disconnected";

    public static BindingState initial() {
        return new BindingState(ACTIVE, NOT_CONNECTED, null, null);
    }
}
