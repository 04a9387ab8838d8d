package io.sagesync.security;

import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints the inbound JWT sagesync sends to the Magento module's REST API (wire contract §c), one per HTTP request.
 *
 * <p>Output is byte-compatible with the module's own signer: header {@code {"alg":"HS256","typ":"JWT"}} and claims
 * in the order {@code iss, sub, aud, iat, nbf, exp, jti}, with {@code aud} a plain JSON string and integer times.
 * JJWT builds and signs it: it can emit exactly these bytes ({@code audience().single(..)} writes a string, not an
 * array, and a header preset with {@code alg} keeps Magento's key order), so no hand-rolled JWS is needed.
 *
 * <p>Time window, chosen against Magento's checks ({@code nbf <= now} with no skew, {@code iat <= now + 30},
 * {@code exp > now}, {@code exp - iat <= 300}): {@code nbf} is backdated 30 s so the token survives our clock being
 * slightly ahead of Magento's, and {@code exp = iat + 120} leaves room for slow requests and skew the other way.
 */
public final class LedgerTokenSigner {
    static final String ISSUER = "byte8-ledger";
    static final String AUDIENCE = "magento";
    static final long NOT_BEFORE_BACKDATE_SECONDS = 30;
    static final long LIFETIME_SECONDS = 120;

    private static final String HMAC_SHA256 = "HmacSHA256";

    private final Clock clock;
    private final Supplier<String> jtiSupplier;

    /**
     * @param clock       source of "now"
     * @param jtiSupplier a fresh unique id per call (production: random UUID v4); Magento caches each jti until exp
     */
    public LedgerTokenSigner(Clock clock, Supplier<String> jtiSupplier) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jtiSupplier = Objects.requireNonNull(jtiSupplier, "jtiSupplier");
    }

    /**
     * Signs a new token for one request into the tenant's Magento store.
     *
     * @param apiKey   the tenant's master api_key bytes (the inbound subkey is derived from it)
     * @param tenantId the tenant id Magento stored at pairing; becomes {@code sub}
     * @return a compact JWS for {@code Authorization: Bearer …}; never reuse it for a second request
     * @throws IllegalArgumentException if the key is empty, the tenant id blank or the supplier gives a blank jti
     */
    public String sign(byte[] apiKey, String tenantId) {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(tenantId, "tenantId");
        if (tenantId.isBlank()) {
            throw new IllegalArgumentException("tenant id is blank");
        }
        String jti = jtiSupplier.get();
        if (jti == null || jti.isBlank()) {
            throw new IllegalArgumentException("jti supplier returned a blank id");
        }
        long now = clock.instant().getEpochSecond();
        return Jwts.builder()
                // Preset so JJWT keeps Magento's header key order; signWith below sets the same value.
                .header().add("alg", "HS256").add("typ", "JWT").and()
                .issuer(ISSUER)
                .subject(tenantId)
                .audience().single(AUDIENCE)
                .issuedAt(epochSecond(now))
                .notBefore(epochSecond(now - NOT_BEFORE_BACKDATE_SECONDS))
                .expiration(epochSecond(now + LIFETIME_SECONDS))
                .id(jti)
                .signWith(new SecretKeySpec(Hkdf.subkey(apiKey, Hkdf.INBOUND_INFO), HMAC_SHA256), Jwts.SIG.HS256)
                .compact();
    }

    private static Date epochSecond(long seconds) {
        return new Date(seconds * 1000L);
    }
}
