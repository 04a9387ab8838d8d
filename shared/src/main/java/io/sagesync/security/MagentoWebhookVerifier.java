package io.sagesync.security;

import static io.sagesync.security.TokenVerificationException.Reason.BAD_SIGNATURE;
import static io.sagesync.security.TokenVerificationException.Reason.EXPIRED;
import static io.sagesync.security.TokenVerificationException.Reason.INVALID_CLAIM;
import static io.sagesync.security.TokenVerificationException.Reason.ISSUED_IN_FUTURE;
import static io.sagesync.security.TokenVerificationException.Reason.LIFETIME_TOO_LONG;
import static io.sagesync.security.TokenVerificationException.Reason.MALFORMED_TOKEN;
import static io.sagesync.security.TokenVerificationException.Reason.NOT_YET_VALID;
import static io.sagesync.security.TokenVerificationException.Reason.REPLAYED;
import static io.sagesync.security.TokenVerificationException.Reason.WRONG_AUDIENCE;
import static io.sagesync.security.TokenVerificationException.Reason.WRONG_ISSUER;
import static io.sagesync.security.TokenVerificationException.Reason.WRONG_SUBJECT;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.security.SignatureException;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.ReplayGuard;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the outbound JWT the Magento module puts in {@code Authorization: Bearer …} on every webhook and on every
 * other call into sagesync (wire contract §c).
 *
 * <p>Shape borrowed from Stripe's {@code Webhook}: one public {@link #verify} that either returns the verified facts
 * or throws {@link TokenVerificationException} (HTTP 401). It fails closed: malformed input of any kind (bad
 * base64, JSON garbage, non-numeric claims, library exceptions) becomes that same exception. The one deliberate
 * exception is the replay guard: an {@link InfrastructureException} from it propagates unchanged, because a store
 * outage is transient (503, Magento retries) whereas a 401 makes Magento dead-letter the event for good.
 *
 * <p>JJWT does the JWS cryptography; this class owns the policy. The algorithm is pinned to HS256 by reading the
 * header before JJWT sees the token (and again inside JJWT's algorithm registry), and every claim rule is checked
 * here against the raw JSON so that types are exact (JJWT would accept {@code "exp":"1767225660"} or {@code 1.5}).
 *
 * <p>Order of checks: Authorization syntax, JWS syntax, header, signature, claim presence and types, issuer, audience,
 * subject, time window, lifetime, and only then the replay guard, so a forged or stale token never burns a jti.
 * Instances are immutable and thread-safe. The syntax checks live in {@link CompactJws}, the claim types in
 * {@link TokenClaims}; this class owns the order, the signature and the policy.
 */
public final class MagentoWebhookVerifier {
    /** Clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}: Magento hosts drift. */
    public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(60);
    /** Upper bound for a configured leeway; more would let a captured token live far beyond Magento's 60 s. */
    public static final Duration MAX_LEEWAY = Duration.ofMinutes(5);

    static final String EXPECTED_ISSUER = "magento";
    static final String EXPECTED_AUDIENCE = "byte8-ledger";
    /** Magento's own verifier requires {@code exp - iat <= 300}; we hold Magento's tokens to the same bound. */
    static final long MAX_LIFETIME_SECONDS = 300;
    static final int MAX_JTI_LENGTH = 128;

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private static final byte[] EXPECTED_ISSUER_BYTES = EXPECTED_ISSUER.getBytes(StandardCharsets.UTF_8);
    private static final byte[] EXPECTED_AUDIENCE_BYTES = EXPECTED_AUDIENCE.getBytes(StandardCharsets.UTF_8);

    private final Clock clock;
    private final io.jsonwebtoken.Clock jjwtClock;
    private final long leewaySeconds;
    private final ReplayGuard replayGuard;

    /** Uses {@link #DEFAULT_LEEWAY}. */
    public MagentoWebhookVerifier(Clock clock, ReplayGuard replayGuard) {
        this(clock, DEFAULT_LEEWAY, replayGuard);
    }

    /**
     * @param clock       source of "now" (inject a fixed clock in tests)
     * @param leeway      tolerated clock skew, whole seconds, between zero and {@link #MAX_LEEWAY}
     * @param replayGuard records each accepted jti so a captured token cannot be replayed
     * @throws IllegalArgumentException if the leeway is negative or above {@link #MAX_LEEWAY}
     */
    public MagentoWebhookVerifier(Clock clock, Duration leeway, ReplayGuard replayGuard) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
        Objects.requireNonNull(leeway, "leeway");
        if (leeway.isNegative() || leeway.compareTo(MAX_LEEWAY) > 0) {
            throw new IllegalArgumentException("leeway must be between 0 and " + MAX_LEEWAY);
        }
        this.leewaySeconds = leeway.toSeconds();
        this.jjwtClock = () -> Date.from(clock.instant());
        // Fail fast at cold start if jjwt-impl/jjwt-jackson are missing from the package (they are runtime-scoped).
        // Found later, inside verify(), the fail-closed catch would turn a packaging bug into a 401 for every
        // webhook, and Magento dead-letters 401s; a failed init is a 5xx that Magento retries. It also moves JJWT's
        // class loading into the init phase.
        newParser(new SecretKeySpec(new byte[HASH_LENGTH], HMAC_SHA256));
    }

    /**
     * Verifies a webhook's Authorization header value for one tenant.
     *
     * @param authorizationHeaderValue the raw header value, expected {@code Bearer <jws>}; null when absent
     * @param apiKey                   the tenant's master api_key bytes (the outbound subkey is derived from it)
     * @param expectedTenantId         the tenant id from the request path; the token's {@code sub} must equal it
     * @return the verified token facts; its jti has been recorded by the replay guard
     * @throws TokenVerificationException if the token is rejected for any reason (answer 401)
     * @throws InfrastructureException    if the replay guard cannot be reached (answer 503 so Magento retries)
     * @throws IllegalArgumentException   if {@code apiKey} is empty or {@code expectedTenantId} blank (our bug)
     */
    public VerifiedToken verify(String authorizationHeaderValue, byte[] apiKey, String expectedTenantId) {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(expectedTenantId, "expectedTenantId");
        if (apiKey.length == 0 || expectedTenantId.isBlank()) {
            throw new IllegalArgumentException("api key and expected tenant id are required");
        }
        TokenClaims claims = verifyAllButReplay(authorizationHeaderValue, apiKey, expectedTenantId);
        // Outside the fail-closed block on purpose: guard failures are ours, not the caller's (see class doc).
        if (!replayGuard.firstUse(claims.jti(), Instant.ofEpochSecond(claims.exp() + leewaySeconds))) {
            throw new TokenVerificationException(REPLAYED);
        }
        return new VerifiedToken(claims.jti(), claims.sub(),
                Instant.ofEpochSecond(claims.iat()), Instant.ofEpochSecond(claims.exp()));
    }

    private TokenClaims verifyAllButReplay(String authorization, byte[] apiKey, String expectedTenantId) {
        try {
            String jws = CompactJws.bearerToken(authorization);
            byte[][] segments = CompactJws.decodeSegments(jws);
            CompactJws.checkHeader(CompactJws.readObject(segments[0]));
            if (segments[2].length == 0) {
                // An empty signature only makes sense for alg "none", which checkHeader has just refused.
                throw new TokenVerificationException(BAD_SIGNATURE);
            }
            JsonNode payload = CompactJws.readObject(segments[1]);
            // Claim types are read now but reported only after the signature verifies, so that a forged token is
            // always reported as BAD_SIGNATURE whatever its payload says.
            TokenClaims claims = null;
            TokenVerificationException claimProblem = null;
            try {
                claims = TokenClaims.from(payload);
            } catch (TokenVerificationException e) {
                claimProblem = e;
            }
            verifySignature(jws, apiKey, claimProblem);
            if (claims == null) {
                throw claimProblem; // set whenever claims is not
            }
            checkPolicy(claims, expectedTenantId);
            return claims;
        } catch (TokenVerificationException e) {
            throw e;
        } catch (RuntimeException e) {
            // Fail closed. No cause attached: library messages quote header and claim values.
            throw new TokenVerificationException(MALFORMED_TOKEN);
        }
    }

    private void verifySignature(String jws, byte[] apiKey, TokenVerificationException claimProblem) {
        SecretKey outboundKey = new SecretKeySpec(Hkdf.subkey(apiKey, Hkdf.OUTBOUND_INFO), HMAC_SHA256);
        try {
            newParser(outboundKey).parseSignedClaims(jws);
        } catch (SignatureException e) {
            throw new TokenVerificationException(BAD_SIGNATURE);
        } catch (ExpiredJwtException e) {
            // JJWT checks exp/nbf only after the signature verified, with our clock and leeway, and is never stricter
            // than checkPolicy; so a token it calls expired (or premature) is one we would reject as well.
            throw claimProblem != null ? claimProblem : new TokenVerificationException(EXPIRED);
        } catch (PrematureJwtException e) {
            throw claimProblem != null ? claimProblem : new TokenVerificationException(NOT_YET_VALID);
        } catch (RuntimeException e) {
            // Header and segments already passed our checks, so JJWT is objecting to the (signed) payload, e.g.
            // "exp":"soon". Prefer our precise claim reason when we have one.
            throw claimProblem != null ? claimProblem : new TokenVerificationException(MALFORMED_TOKEN);
        }
    }

    /** A parser per call because the key is per tenant; building one costs microseconds once JJWT is loaded. */
    private JwtParser newParser(SecretKey key) {
        return Jwts.parser()
                .verifyWith(key)
                .sig().clear().add(Jwts.SIG.HS256).and()
                .zip().clear().and()
                .clock(jjwtClock)
                .clockSkewSeconds(leewaySeconds)
                .build();
    }

    private void checkPolicy(TokenClaims claims, String expectedTenantId) {
        if (!constantTimeEquals(claims.iss(), EXPECTED_ISSUER_BYTES)) {
            throw new TokenVerificationException(WRONG_ISSUER);
        }
        if (!constantTimeEquals(claims.aud(), EXPECTED_AUDIENCE_BYTES)) {
            throw new TokenVerificationException(WRONG_AUDIENCE);
        }
        if (!constantTimeEquals(claims.sub(), expectedTenantId.getBytes(StandardCharsets.UTF_8))) {
            throw new TokenVerificationException(WRONG_SUBJECT);
        }
        long now = clock.instant().getEpochSecond();
        if (claims.exp() <= now - leewaySeconds) {
            throw new TokenVerificationException(EXPIRED);
        }
        if (claims.nbf() > now + leewaySeconds) {
            throw new TokenVerificationException(NOT_YET_VALID);
        }
        if (claims.iat() > now + leewaySeconds) {
            throw new TokenVerificationException(ISSUED_IN_FUTURE);
        }
        if (claims.exp() <= claims.iat()) {
            throw new TokenVerificationException(INVALID_CLAIM);
        }
        if (claims.exp() - claims.iat() > MAX_LIFETIME_SECONDS) {
            throw new TokenVerificationException(LIFETIME_TOO_LONG);
        }
    }

    private static boolean constantTimeEquals(String actual, byte[] expected) {
        return MessageDigest.isEqual(actual.getBytes(StandardCharsets.UTF_8), expected);
    }


}
