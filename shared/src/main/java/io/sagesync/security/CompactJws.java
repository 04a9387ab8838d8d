package io.sagesync.security;

import static io.sagesync.security.TokenVerificationException.Reason.MALFORMED_AUTHORIZATION;
import static io.sagesync.security.TokenVerificationException.Reason.MALFORMED_TOKEN;
import static io.sagesync.security.TokenVerificationException.Reason.MISSING_AUTHORIZATION;
import static io.sagesync.security.TokenVerificationException.Reason.UNSUPPORTED_ALGORITHM;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Base64;

/**
 * The syntax layer of {@link MagentoWebhookVerifier}: the {@code Authorization} header, the compact JWS
 * {@code header.payload.signature} in canonical base64url, strict JSON, and the pinned header. No cryptography and
 * no claim policy here; every refusal is a {@link TokenVerificationException}, like the verifier's own.
 */
final class CompactJws {
    private static final String REQUIRED_ALGORITHM = "HS256";
    private static final String ACCEPTED_TYPE = "JWT";
    private static final String BEARER_SCHEME = "Bearer";
    /** Magento's tokens are about 400 characters; anything far larger is refused before decoding. */
    private static final int MAX_TOKEN_LENGTH = 8 * 1024;
    /** Duplicate keys and trailing data are refused so that we and JJWT can never read a claim differently. */
    private static final ObjectReader JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .reader();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder BASE64URL_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private CompactJws() {
    }

    static String bearerToken(String authorization) {
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
    static byte[][] decodeSegments(String jws) {
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

    static JsonNode readObject(byte[] json) {
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
    static void checkHeader(JsonNode header) {
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
}
