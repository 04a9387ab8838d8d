package io.sagesync.port;

/**
 * Sage's OAuth endpoints as the connect flow uses them (authorization code with PKCE S256). Calls throw
 * {@link SageOAuthException}.
 */
public interface SageAuthorization {
    /** False when no redirect URI is configured, so no authorisation can come back to us. */
    boolean redirectConfigured();

    /** The URL the merchant opens to authorise this app; carries {@code state} and the PKCE challenge. */
    String authorizationUrl(String state, String codeChallenge);

    /** Redeems a single-use authorisation code (valid about 60 s) for a token set. */
    SageTokenSet exchangeCode(String code, String codeVerifier);

    /** Revokes a refresh token (and with it the connection). */
    void revoke(String refreshToken);
}
