package io.sagesync.security;

import static io.sagesync.security.TokenVerificationException.Reason.INVALID_CLAIM;
import static io.sagesync.security.TokenVerificationException.Reason.MISSING_CLAIM;

import com.fasterxml.jackson.databind.JsonNode;

/** The claims Magento's signer emits, with exact JSON types: strings are strings, times are integers. */
record TokenClaims(String iss, String sub, String aud, long iat, long nbf, long exp, String jti) {
    /** 9999-12-31T23:59:59Z: keeps claim arithmetic far away from long overflow. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    static TokenClaims from(JsonNode payload) {
        String jti = requiredString(payload, "jti");
        if (jti.isEmpty() || jti.length() > MagentoWebhookVerifier.MAX_JTI_LENGTH) {
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
