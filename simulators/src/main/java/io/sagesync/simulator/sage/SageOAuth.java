package io.sagesync.simulator.sage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sage's OAuth token rules, in memory: single-use 60 s authorization codes, 300 s access tokens, and single-use,
 * rotating 31-day refresh tokens of which only the most recently issued one is valid ("used before" and "not the
 * most recent" both yield {@code invalid_grant}). The simulator models one user, so there is one "newest" refresh
 * token for the whole simulator; {@link #issueTokens()} also supersedes it.
 */
final class SageOAuth {

    static final Duration CODE_TTL = Duration.ofSeconds(60);
    static final Duration ACCESS_TTL = Duration.ofSeconds(300);
    static final Duration REFRESH_TTL = Duration.ofDays(31);

    /** The outcome of a token request: either a token pair or an OAuth error code. */
    record Outcome(SageTokens tokens, String error, String description) {
        static Outcome ok(SageTokens tokens) {
            return new Outcome(tokens, null, null);
        }

        static Outcome fail(String error, String description) {
            return new Outcome(null, error, description);
        }
    }

    private record Code(String redirectUri, Instant issuedAt) {
    }

    private final Clock clock;
    private final Supplier<String> secrets;
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, Instant> accessTokens = new HashMap<>();
    private final Map<String, Instant> refreshTokens = new HashMap<>();
    private String newestRefreshToken;
    private int refreshCount;
    private int invalidGrantCount;

    SageOAuth(Clock clock, Supplier<String> secrets) {
        this.clock = clock;
        this.secrets = secrets;
    }

    synchronized String issueAuthorizationCode(String redirectUri) {
        String code = "GB/" + secrets.get();
        codes.put(code, new Code(redirectUri, clock.instant()));
        return code;
    }

    synchronized SageTokens issueTokens() {
        Instant now = clock.instant();
        String access = secrets.get() + secrets.get();
        String refresh = secrets.get() + secrets.get();
        accessTokens.put(access, now.plus(ACCESS_TTL));
        refreshTokens.put(refresh, now.plus(REFRESH_TTL));
        newestRefreshToken = refresh;
        return new SageTokens(access, refresh, ACCESS_TTL.toSeconds(), REFRESH_TTL.toSeconds());
    }

    synchronized Outcome exchangeCode(String code, String redirectUri) {
        Code issued = code == null ? null : codes.remove(code); // single use, even when it fails below
        if (issued == null) {
            return invalidGrant("authorization code is invalid or was already used");
        }
        if (!clock.instant().isBefore(issued.issuedAt().plus(CODE_TTL))) {
            return invalidGrant("authorization code expired");
        }
        if (issued.redirectUri() != null && !issued.redirectUri().equals(redirectUri)) {
            return invalidGrant("redirect_uri does not match");
        }
        return Outcome.ok(issueTokens());
    }

    synchronized Outcome refresh(String refreshToken) {
        refreshCount++;
        Instant expiry = refreshToken == null ? null : refreshTokens.remove(refreshToken);
        if (expiry == null) {
            return invalidGrant("refresh token is invalid, revoked or was already used");
        }
        if (!refreshToken.equals(newestRefreshToken)) {
            return invalidGrant("refresh token is not the most recent one");
        }
        if (!clock.instant().isBefore(expiry)) {
            return invalidGrant("refresh token expired");
        }
        return Outcome.ok(issueTokens());
    }

    synchronized void revoke(String refreshToken) {
        if (refreshToken != null) {
            refreshTokens.remove(refreshToken);
        }
    }

    synchronized boolean isValidAccessToken(String accessToken) {
        Instant expiry = accessToken == null ? null : accessTokens.get(accessToken);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    synchronized int refreshCount() {
        return refreshCount;
    }

    synchronized int invalidGrantCount() {
        return invalidGrantCount;
    }

    private Outcome invalidGrant(String description) {
        invalidGrantCount++;
        return Outcome.fail("invalid_grant", description);
    }
}
