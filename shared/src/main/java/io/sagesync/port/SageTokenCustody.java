package io.sagesync.port;

import java.time.Duration;

/**
 * The tenant's Sage connection as the rest of sagesync sees it: a valid access token on demand, refreshed shortly
 * before it expires with at most one refresh in flight per tenant.
 */
public interface SageTokenCustody {
    /**
     * The bearer token to send on the next Sage call; call it per attempt, never cache it yourself.
     *
     * @throws SageReauthRequiredException when a person must re-authorise (never connected, or refresh refused)
     * @throws InfrastructureException     when the token store or lease is unavailable
     */
    String accessToken();

    /** The stored token set (refreshed first if stale); same exceptions as {@link #accessToken()}. */
    SageTokenSet current();

    /**
     * Refreshes now when the refresh token has less than {@code minRemaining} left (an idle connection would
     * otherwise expire).
     *
     * @return whether a refresh happened
     */
    boolean keepAlive(Duration minRemaining);

    /** Forgets any cached token set, after the stored one was replaced or cleared. */
    void invalidate();
}
