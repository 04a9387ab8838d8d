package io.sagesync.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints compact JWS with arbitrary header and claims using plain JCE, independent of the code under test, plus the
 * fixtures of the wire contract's worked examples (§c).
 */
final class TestTokens {
    static final byte[] API_KEY = "test-master-api-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final String TENANT_ID = "11111111-2222-4333-8444-555555555555";
    static final long WORKED_IAT = 1_767_225_600L;
    static final Instant WORKED_NOW = Instant.ofEpochSecond(WORKED_IAT);
    static final String MAGENTO_HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    /** Contract §c worked outbound token (Magento → us). */
    static final String WORKED_OUTBOUND = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJtYWdlbnRvIiwic3ViIjoiMTEx"
            + "MTExMTEtMjIyMi00MzMzLTg0NDQtNTU1NTU1NTU1NTU1IiwiYXVkIjoiYnl0ZTgtbGVkZ2VyIiwiaWF0IjoxNzY3MjI1NjAwLCJuY"
            + "mYiOjE3NjcyMjU2MDAsImV4cCI6MTc2NzIyNTY2MCwianRpIjoiNmYxYzJhM2ItNGQ1ZS00ZjYwLThhN2ItOWMwZDFlMmYzYTRiIn0"
            + ".PDJuUpKBr46Ke1D1qXVbnZ5U-1HEeI3SHg8joWIRLyo";
    static final String WORKED_OUTBOUND_JTI = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    /** Contract §c worked inbound token (us → Magento). */
    static final String WORKED_INBOUND = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJieXRlOC1sZWRnZXIiLCJzdWIiO"
            + "iIxMTExMTExMS0yMjIyLTQzMzMtODQ0NC01NTU1NTU1NTU1NTUiLCJhdWQiOiJtYWdlbnRvIiwiaWF0IjoxNzY3MjI1NjAwLCJuYmY"
            + "iOjE3NjcyMjU2MDAsImV4cCI6MTc2NzIyNTkwMCwianRpIjoiMGI5ZThkN2MtNmI1YS00ZjQ5LTgzODItNzE2ZjVlNGQzYzJiIn0"
            + ".Snze2U_nVvnIhHg51KMdu2XBdu8JTWXYA1zW_I-rOfs";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestTokens() {
    }

    /** Claims exactly as Magento's signer emits them (order iss, sub, aud, iat, nbf, exp, jti), mutable for tests. */
    static Map<String, Object> magentoClaims(long iat, String jti) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "magento");
        claims.put("sub", TENANT_ID);
        claims.put("aud", "byte8-ledger");
        claims.put("iat", iat);
        claims.put("nbf", iat);
        claims.put("exp", iat + 60);
        claims.put("jti", jti);
        return claims;
    }

    static String outbound(Map<String, Object> claims) {
        return sign(Hkdf.subkey(API_KEY, Hkdf.OUTBOUND_INFO), MAGENTO_HEADER, json(claims));
    }

    static String outbound(String headerJson, Map<String, Object> claims) {
        return sign(Hkdf.subkey(API_KEY, Hkdf.OUTBOUND_INFO), headerJson, json(claims));
    }

    /** Compact JWS over the exact JSON texts given, HMAC-SHA256 with {@code key}. */
    static String sign(byte[] key, String headerJson, String claimsJson) {
        String signingInput = base64Url(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claimsJson.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + base64Url(hmacSha256(key, signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String decodeSegment(String jws, int index) {
        return new String(Base64.getUrlDecoder().decode(jws.split("\\.")[index]), StandardCharsets.UTF_8);
    }

    static JsonNode payloadTree(String jws) {
        try {
            return JSON.readTree(decodeSegment(jws, 1));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Map<String, Object> claims) {
        try {
            return JSON.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }
}
