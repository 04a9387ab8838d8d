package io.sagesync.simulator.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Byte8 client module's JWT handling, re-implemented independently with plain JCE (see wire contract §c):
 * HKDF-SHA256 subkeys, the outbound {@code Signer} and the inbound {@code Verifier} with its replay cache.
 *
 * <p>An instance holds the jti replay cache, so one simulator uses one instance. Signing is stateless.
 */
public final class MagentoJwt {

    /** HKDF info for tokens Magento signs (webhooks to the chassis). */
    public static final String OUTBOUND_INFO = "byte8-magento-outbound-v1";
    /** HKDF info for tokens the chassis signs (REST calls into Magento). */
    public static final String INBOUND_INFO = "byte8-magento-inbound-v1";

    static final String HEADER_JSON = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    private static final int MAX_IAT_FUTURE_SECONDS = 30;
    private static final int MAX_LIFETIME_SECONDS = 300;
    private static final int OUTBOUND_LIFETIME_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();

    /** Why Magento's Verifier refused a token (Magento itself only logs this; the HTTP answer is a plain 401). */
    public enum Rejection {
        NOT_PAIRED,
        MISSING_BEARER,
        MALFORMED,
        BAD_HEADER,
        BAD_SIGNATURE,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        WRONG_SUBJECT,
        CLAIM_NOT_INTEGER,
        ISSUED_IN_FUTURE,
        NOT_YET_VALID,
        EXPIRED,
        LIFETIME_TOO_LONG,
        MISSING_JTI,
        REPLAYED_JTI
    }

    /** Outcome of {@link #verifyInbound}: either accepted, or rejected with a reason. */
    public record Verification(boolean accepted, Rejection rejection) {

        static Verification ok() {
            return new Verification(true, null);
        }

        static Verification reject(Rejection reason) {
            return new Verification(false, reason);
        }
    }

    /** jti -> exp (epoch seconds); entries are dropped once expired, as Magento's cache TTL does. */
    private final Map<String, Long> seenJtis = new ConcurrentHashMap<>();

    /** RFC 5869 HKDF-SHA256 with empty salt (= 32 zero bytes) and L = 32, i.e. PHP's {@code hash_hkdf}. */
    public static byte[] subkey(String apiKey, String info) {
        byte[] prk = hmac(new byte[32], apiKey.getBytes(StandardCharsets.UTF_8));
        byte[] infoBytes = info.getBytes(StandardCharsets.UTF_8);
        byte[] block = Arrays.copyOf(infoBytes, infoBytes.length + 1);
        block[infoBytes.length] = 0x01;
        return hmac(prk, block);
    }

    /** Mints the token Magento puts on a webhook: iss magento, aud byte8-ledger, nbf = iat, exp = iat + 60. */
    public static String signOutbound(String apiKey, String tenantId, Instant now, String jti) {
        long iat = now.getEpochSecond();
        return sign(subkey(apiKey, OUTBOUND_INFO),
                claims("magento", tenantId, "byte8-ledger", iat, iat, iat + OUTBOUND_LIFETIME_SECONDS, jti));
    }

    /**
     * Mints a chassis-style inbound token (test helper, so tests can drive the simulator without the real chassis).
     */
    public static String signInbound(String apiKey, String tenantId, long iat, long nbf, long exp, String jti) {
        return sign(subkey(apiKey, INBOUND_INFO), claims("byte8-ledger", tenantId, "magento", iat, nbf, exp, jti));
    }

    /** Signs arbitrary claims JSON with the inbound subkey; lets tests build deliberately malformed tokens. */
    public static String signInboundRaw(String apiKey, String headerJson, String claimsJson) {
        String input = b64u(headerJson) + "." + b64u(claimsJson);
        return input + "." + B64U.encodeToString(hmac(subkey(apiKey, INBOUND_INFO), ascii(input)));
    }

    /**
     * Verifies a chassis token exactly as Magento's Verifier would, including single use of the jti.
     *
     * @param authorizationHeader the raw {@code Authorization} header value, may be null
     * @param apiKey the paired master key, or null when Magento is not paired
     */
    public Verification verifyInbound(String authorizationHeader, String apiKey, String tenantId, Instant now) {
        if (apiKey == null || tenantId == null) {
            return Verification.reject(Rejection.NOT_PAIRED);
        }
        if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
            return Verification.reject(Rejection.MISSING_BEARER);
        }
        String token = authorizationHeader.substring("Bearer ".length()).trim();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Verification.reject(Rejection.MALFORMED);
        }
        JsonNode header = decodeJson(parts[0]);
        JsonNode claims = decodeJson(parts[1]);
        if (header == null || claims == null || !header.isObject() || !claims.isObject()) {
            return Verification.reject(Rejection.MALFORMED);
        }
        if (!"HS256".equals(textOrNull(header, "alg")) || !"JWT".equals(textOrNull(header, "typ"))) {
            return Verification.reject(Rejection.BAD_HEADER);
        }
        byte[] signature = hmac(subkey(apiKey, INBOUND_INFO), ascii(parts[0] + "." + parts[1]));
        byte[] expected = ascii(B64U.encodeToString(signature));
        if (!MessageDigest.isEqual(expected, ascii(parts[2]))) {
            return Verification.reject(Rejection.BAD_SIGNATURE);
        }
        return checkClaims(claims, tenantId, now.getEpochSecond());
    }

    private Verification checkClaims(JsonNode claims, String tenantId, long now) {
        if (!"byte8-ledger".equals(textOrNull(claims, "iss"))) {
            return Verification.reject(Rejection.WRONG_ISSUER);
        }
        if (!"magento".equals(textOrNull(claims, "aud"))) {
            return Verification.reject(Rejection.WRONG_AUDIENCE);
        }
        if (!tenantId.equals(textOrNull(claims, "sub"))) {
            return Verification.reject(Rejection.WRONG_SUBJECT);
        }
        JsonNode iat = claims.get("iat");
        JsonNode nbf = claims.get("nbf");
        JsonNode exp = claims.get("exp");
        if (!isInteger(iat) || !isInteger(nbf) || !isInteger(exp)) {
            return Verification.reject(Rejection.CLAIM_NOT_INTEGER);
        }
        if (iat.asLong() > now + MAX_IAT_FUTURE_SECONDS) {
            return Verification.reject(Rejection.ISSUED_IN_FUTURE);
        }
        if (nbf.asLong() > now) {
            return Verification.reject(Rejection.NOT_YET_VALID);
        }
        if (exp.asLong() <= now) {
            return Verification.reject(Rejection.EXPIRED);
        }
        if (exp.asLong() - iat.asLong() > MAX_LIFETIME_SECONDS) {
            return Verification.reject(Rejection.LIFETIME_TOO_LONG);
        }
        String jti = textOrNull(claims, "jti");
        if (jti == null || jti.isEmpty()) {
            return Verification.reject(Rejection.MISSING_JTI);
        }
        seenJtis.values().removeIf(until -> until <= now);
        if (seenJtis.putIfAbsent(jti, exp.asLong()) != null) {
            return Verification.reject(Rejection.REPLAYED_JTI);
        }
        return Verification.ok();
    }

    private static String claims(String iss, String sub, String aud, long iat, long nbf, long exp, String jti) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", iss);
        claims.put("sub", sub);
        claims.put("aud", aud);
        claims.put("iat", iat);
        claims.put("nbf", nbf);
        claims.put("exp", exp);
        claims.put("jti", jti);
        // The Signer uses plain json_encode; the contract does not say which flags, so PHP defaults are assumed.
        return PhpJson.encode(claims);
    }

    private static String sign(byte[] key, String claimsJson) {
        String input = b64u(HEADER_JSON) + "." + b64u(claimsJson);
        return input + "." + B64U.encodeToString(hmac(key, ascii(input)));
    }

    private static boolean isInteger(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong();
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static JsonNode decodeJson(String segment) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(segment));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private static String b64u(String json) {
        return B64U.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
