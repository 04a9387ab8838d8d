package io.sagesync.port;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tenant's Sage connection as the rest of sagesync sees it: a valid access token on demand, refreshed shortly
 * before it expires with at most one refresh in flight per tenant. Connecting and disconnecting take the same lease
 * as a refresh, so none of them can overwrite or resurrect what another one stored.
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

    /** What is stored right now, without refreshing (empty when not connected). */
    Optional<SageTokenSet> stored();

    /**
     * Refreshes now when the refresh token has less than {@code minRemaining} left (an idle connection would
     * otherwise expire).
     *
     * @return whether a refresh happened
     */
    boolean keepAlive(Duration minRemaining);

    /**
     * Stores a newly authorised token set (connect), under the refresh lease: waits for a refresh in flight, then
     * hands the currently stored set to {@code guard}, which may throw to refuse the replacement.
     *
     * @throws InfrastructureException when the lease cannot be had in time
     */
    void replace(SageTokenSet fresh, Consumer<Optional<SageTokenSet>> guard);

    /**
     * Forgets the tokens (disconnect), under the refresh lease: the stored set is handed to {@code beforeClear}
     * (which revokes it at Sage) first.
     *
     * @return what was stored
     */
    Optional<SageTokenSet> clear(Consumer<SageTokenSet> beforeClear);

    /** Forgets any cached token set, after the stored one was replaced or cleared elsewhere. */
    void invalidate();
}
