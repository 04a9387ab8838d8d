package io.sagesync.port;

/**
 * A currently valid Sage OAuth access token for the tenant's connection. Implementations refresh it shortly before it
 * expires, with at most one refresh in flight per tenant.
 */
public interface SageAccessTokenProvider {
    /**
     * The bearer token to send on the next Sage call; call it per attempt, never cache it yourself.
     *
     * @throws io.sagesync.adapter.sage.SageReauthRequiredException when the connection must be re-authorised by a
     *                                                              person (never connected, or refresh refused)
     * @throws InfrastructureException                              when the token store or lease is unavailable
     */
    String accessToken();
}
