package io.sagesync.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The tenant's stored Sage OAuth tokens (the SageSecret JSON), plus the business they act on.
 *
 * @param accessToken      bearer token, valid about 300 s
 * @param refreshToken     single-use refresh token; only the newest one issued is valid
 * @param expiresAt        when the access token stops working
 * @param refreshExpiresAt when the refresh token stops working (31 days after issue unless used)
 * @param businessId       the Sage business chosen at connect, sent as {@code X-Business}
 */
public record SageTokenSet(String accessToken, String refreshToken, Instant expiresAt, Instant refreshExpiresAt,
                           String businessId) {

    public SageTokenSet {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
    }

    /** True when the access token is still good for at least {@code margin} at {@code now}. */
    public boolean accessValidFor(Instant now, Duration margin) {
        return now.plus(margin).isBefore(expiresAt);
    }

    public SageTokenSet withBusinessId(String business) {
        return new SageTokenSet(accessToken, refreshToken, expiresAt, refreshExpiresAt, business);
    }

    /** Hides the tokens so a stray log line or exception message cannot leak them. */
    @Override
    public String toString() {
        return "SageTokenSet[expiresAt=" + expiresAt + ", refreshExpiresAt=" + refreshExpiresAt + ", businessId="
                + businessId + "]";
    }
}
