package io.sagesync.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Random;

/** PKCE (RFC 7636) S256 helpers, plus the random strings used for OAuth {@code state}. */
public final class Pkce {
    private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();

    private Pkce() {
    }

    /** 32 random bytes, base64url: 43 characters, within RFC 7636's 43..128 and its unreserved alphabet. */
    public static String randomToken(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return B64U.encodeToString(bytes);
    }

    /** {@code BASE64URL(SHA256(ASCII(verifier)))}. */
    public static String s256(String verifier) {
        return B64U.encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Hex SHA-256, used to key stored states so the table never holds the state value itself. */
    public static String sha256Hex(String s) {
        return java.util.HexFormat.of().formatHex(sha256(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JRE", e);
        }
    }
}
