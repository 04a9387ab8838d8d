package io.sagesync.simulator.sage;

/**
 * An access + refresh token pair as issued by {@link SageSimulator}'s token endpoint.
 *
 * @param accessToken             bearer token for API calls (valid 300 s)
 * @param refreshToken            single-use refresh token (valid 31 days, only while it is the newest)
 * @param expiresInSeconds        access token lifetime
 * @param refreshExpiresInSeconds refresh token lifetime
 */
public record SageTokens(String accessToken, String refreshToken, long expiresInSeconds,
                         long refreshExpiresInSeconds) {

    /** Hides the secrets so a stray log line cannot leak them. */
    @Override
    public String toString() {
        return "SageTokens[expiresIn=" + expiresInSeconds + "s]";
    }
}
