package io.sagesync.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 5869 HKDF-SHA256 exactly as the Magento module calls it: {@code hash_hkdf('sha256', apiKey, 32, info, '')}.
 *
 * <p>PHP's empty salt equals RFC 5869's default salt of HashLen zero bytes (HMAC zero-pads short keys), and Java's
 * {@link SecretKeySpec} refuses an empty key, so the salt is spelled out as 32 zero bytes. With L = 32 = HashLen the
 * expand step is a single block: {@code OKM = HMAC(PRK, info || 0x01)}.
 */
public final class Hkdf {
    /** Subkey Magento signs its webhook tokens with; we verify with it. */
    public static final String OUTBOUND_INFO = "byte8-magento-outbound-v1";
    /** Subkey we sign our REST-call tokens with; Magento verifies with it. */
    public static final String INBOUND_INFO = "byte8-magento-inbound-v1";

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int HASH_LENGTH = 32;
    private static final byte[] EMPTY_SALT = new byte[HASH_LENGTH];
    private static final byte FIRST_BLOCK_COUNTER = 0x01;

    private Hkdf() {
    }

    /**
     * Derives the 32-byte subkey for {@code info} from the master key.
     *
     * @param apiKey the tenant's master {@code api_key}, as the raw bytes Magento received (never hex/base64-decoded)
     * @param info   {@link #OUTBOUND_INFO} or {@link #INBOUND_INFO}
     * @return a fresh 32-byte array the caller owns
     * @throws IllegalArgumentException if {@code apiKey} is empty (a configuration error, never a token problem)
     */
    public static byte[] subkey(byte[] apiKey, String info) {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(info, "info");
        if (apiKey.length == 0) {
            throw new IllegalArgumentException("api key is empty");
        }
        byte[] pseudoRandomKey = hmacSha256(EMPTY_SALT, apiKey);
        byte[] infoBytes = info.getBytes(StandardCharsets.UTF_8);
        byte[] expandInput = Arrays.copyOf(infoBytes, infoBytes.length + 1);
        expandInput[infoBytes.length] = FIRST_BLOCK_COUNTER;
        try {
            return hmacSha256(pseudoRandomKey, expandInput);
        } finally {
            Arrays.fill(pseudoRandomKey, (byte) 0);
        }
    }

    private static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must ship HmacSHA256, so this is a broken JVM, not bad input.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
