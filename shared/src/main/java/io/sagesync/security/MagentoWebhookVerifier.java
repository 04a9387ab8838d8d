package io.sagesync.security;

import static io.sagesync.security.TokenVerificationException.Reason.BAD_SIGNATURE;
import static io.sagesync.security.TokenVerificationException.Reason.EXPIRED;
import static io.sagesync.security.TokenVerificationException.Reason.INVALID_CLAIM;
import static io.sagesync.security.TokenVerificationException.Reason.ISSUED_IN_FUTURE;
import static io.sagesync.security.TokenVerificationException.Reason.LIFETIME_TOO_LONG;
import static io.sagesync.security.TokenVerificationException.Reason.MALFORMED_AUTHORIZATION;
import static io.sagesync.security.TokenVerificationException.Reason.MALFORMED_TOKEN;
import static io.sagesync.security.TokenVerificationException.Reason.MISSING_AUTHORIZATION;
import static io.sagesync.security.TokenVerificationException.Reason.MISSING_CLAIM;
import static io.sagesync.security.TokenVerificationException.Reason.NOT_YET_VALID;
import static io.sagesync.security.TokenVerificationException.Reason.REPLAYED;
import static io.sagesync.security.TokenVerificationException.Reason.UNSUPPORTED_ALGORITHM;
import static io.sagesync.security.TokenVerificationException.Reason.WRONG_AUDIENCE;
import static io.sagesync.security.TokenVerificationException.Reason.WRONG_ISSUER;
import static io.sagesync.security.TokenVerificationException.Reason.WRONG_SUBJECT;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.security.SignatureException;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.ReplayGuard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
 * Instances are immutable and thread-safe.
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

    private static final String REQUIRED_ALGORITHM = "HS256";
    private static final String ACCEPTED_TYPE = "JWT";
    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int HASH_LENGTH = 32;
    private static final String BEARER_SCHEME = "Bearer";
    /** Magento's tokens are about 400 characters; anything far larger is refused before decoding. */
    private static final int MAX_TOKEN_LENGTH = 8 * 1024;
    /** 9999-12-31T23:59:59Z: keeps claim arithmetic far away from long overflow. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private static final byte[] EXPECTED_ISSUER_BYTES = EXPECTED_ISSUER.getBytes(StandardCharsets.UTF_8);
    private static final byte[] EXPECTED_AUDIENCE_BYTES = EXPECTED_AUDIENCE.getBytes(StandardCharsets.UTF_8);
    /** Duplicate keys and trailing data are refused so that we and JJWT can never read a claim differently. */
    private static final ObjectReader JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .reader();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder BASE64URL_ENCODER = Base64.getUrlEncoder().withoutPadding();

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
            String jws = bearerToken(authorization);
            byte[][] segments = decodeSegments(jws);
            checkHeader(readObject(segments[0]));
            if (segments[2].length == 0) {
                // An empty signature only makes sense for alg "none", which checkHeader has just refused.
                throw new TokenVerificationException(BAD_SIGNATURE);
            }
            JsonNode payload = readObject(segments[1]);
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
            if (claimProblem != null) {
                throw claimProblem;
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

    private static String bearerToken(String authorization) {
        if (authorization == null) {
            throw new TokenVerificationException(MISSING_AUTHORIZATION);
        }
        // RFC 6750: "Bearer" SP token. The scheme is case-insensitive (RFC 7235 §2.1). Nothing is trimmed: the HTTP
        // layer already strips optional whitespace, so any left over makes the token itself malformed.
        int schemeEnd = BEARER_SCHEME.length();
        if (authorization.length() <= schemeEnd + 1
                || !authorization.regionMatches(true, 0, BEARER_SCHEME, 0, schemeEnd)
                || authorization.charAt(schemeEnd) != ' ') {
            throw new TokenVerificationException(MALFORMED_AUTHORIZATION);
        }
        return authorization.substring(schemeEnd + 1);
    }

    /** Splits {@code header.payload.signature}, insisting on canonical unpadded base64url in every segment. */
    private static byte[][] decodeSegments(String jws) {
        if (jws.length() > MAX_TOKEN_LENGTH) {
            throw new TokenVerificationException(MALFORMED_TOKEN);
        }
        int firstDot = jws.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : jws.indexOf('.', firstDot + 1);
        if (secondDot < 0 || jws.indexOf('.', secondDot + 1) >= 0) {
            throw new TokenVerificationException(MALFORMED_TOKEN);
        }
        return new byte[][] {
            decodeCanonical(jws.substring(0, firstDot)),
            decodeCanonical(jws.substring(firstDot + 1, secondDot)),
            decodeCanonical(jws.substring(secondDot + 1)),
        };
    }

    /** Decodes one segment; an empty segment decodes to no bytes (the caller decides whether that is allowed). */
    private static byte[] decodeCanonical(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64url) {
                throw new TokenVerificationException(MALFORMED_TOKEN);
            }
        }
        byte[] decoded = BASE64URL_DECODER.decode(segment);
        // Java's decoder ignores non-zero trailing bits, so several strings decode to the same bytes. Requiring the
        // canonical spelling means an altered signature segment can never still verify.
        if (!BASE64URL_ENCODER.encodeToString(decoded).equals(segment)) {
            throw new TokenVerificationException(MALFORMED_TOKEN);
        }
        return decoded;
    }

    private static JsonNode readObject(byte[] json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new TokenVerificationException(MALFORMED_TOKEN);
        }
        if (node == null || !node.isObject()) {
            throw new TokenVerificationException(MALFORMED_TOKEN);
        }
        return node;
    }

    /** Pins the algorithm before any cryptography runs: rejects none, HS384/512, RS256 and key-confusion tricks. */
    private static void checkHeader(JsonNode header) {
        JsonNode algorithm = header.get("alg");
        if (algorithm == null || !algorithm.isTextual() || !REQUIRED_ALGORITHM.equals(algorithm.textValue())) {
            throw new TokenVerificationException(UNSUPPORTED_ALGORITHM);
        }
        JsonNode type = header.get("typ");
        if (type != null && !(type.isTextual() && ACCEPTED_TYPE.equals(type.textValue()))) {
            throw new TokenVerificationException(MALFORMED_TOKEN);
        }
        // These change how the token is processed (RFC 7515 crit, RFC 7797 b64, JWE-style zip); Magento never
        // sends them, so their presence means the token was not made by the module.
        if (header.has("crit") || header.has("b64") || header.has("zip")) {
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

    /** The claims Magento's signer emits, with exact JSON types: strings are strings, times are integers. */
    private record TokenClaims(String iss, String sub, String aud, long iat, long nbf, long exp, String jti) {

        static TokenClaims from(JsonNode payload) {
            String jti = requiredString(payload, "jti");
            if (jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
                throw new TokenVerificationException(INVALID_CLAIM);
            }
            return new TokenClaims(
                    requiredString(payload, "iss"),
                    requiredString(payload, "sub"),
                    // Magento sends a plain string; an array (legal in RFC 7519) is not what the module emits.
                    requiredString(payload, "aud"),
                    requiredEpochSecond(payload, "iat"),
                    requiredEpochSecond(payload, "nbf"),
                    requiredEpochSecond(payload, "exp"),
                    jti);
        }

        private static JsonNode required(JsonNode payload, String name) {
            JsonNode value = payload.get(name);
            if (value == null || value.isNull()) {
                throw new TokenVerificationException(MISSING_CLAIM);
            }
            return value;
        }

        private static String requiredString(JsonNode payload, String name) {
            JsonNode value = required(payload, name);
            if (!value.isTextual()) {
                throw new TokenVerificationException(INVALID_CLAIM);
            }
            return value.textValue();
        }

        private static long requiredEpochSecond(JsonNode payload, String name) {
            JsonNode value = required(payload, name);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new TokenVerificationException(INVALID_CLAIM);
            }
            long seconds = value.longValue();
            if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
                throw new TokenVerificationException(INVALID_CLAIM);
            }
            return seconds;
        }
    }
}
