package io.sagesync.adapter.kms;

import io.sagesync.port.InfrastructureException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;

/**
 * Envelope encryption under the stack's customer-managed KMS key: each seal asks KMS for a fresh AES-256 data key
 * ({@code GenerateDataKey}), encrypts locally with AES-GCM and keeps only the KMS-encrypted copy of the data key
 * beside the ciphertext; opening asks KMS to decrypt that copy ({@code Decrypt}). Envelope rather than a plain
 * {@code Encrypt} because KMS refuses plaintexts over 4 KiB and Sage's tokens are not bounded by contract. The
 * encryption context (also the GCM associated data) binds a blob to the record it belongs to, so a blob copied into
 * another item does not open. The plaintext data key is wiped after use.
 *
 * <p>Blob layout: {@code 0x01 | u16 length of the encrypted data key | encrypted data key | 12-byte nonce |
 * AES-GCM ciphertext with its 16-byte tag}.
 */
public final class KmsEnvelopeCipher {
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KmsClient kms;
    private final String keyId;
    private final SecureRandom random;

    /** @param keyId the customer-managed key (id, ARN or alias) */
    public KmsEnvelopeCipher(KmsClient kms, String keyId, SecureRandom random) {
        this.kms = Objects.requireNonNull(kms, "kms");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Encrypts {@code plaintext} for the record named by {@code context}. */
    public byte[] seal(byte[] plaintext, Map<String, String> context) {
        requireKey();
        byte[] dataKey = null;
        try {
            var generated = kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256)
                    .encryptionContext(context));
            dataKey = generated.plaintext().asByteArray();
            byte[] wrapped = generated.ciphertextBlob().asByteArray();
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            byte[] sealed = gcm(Cipher.ENCRYPT_MODE, dataKey, nonce, context).doFinal(plaintext);
            return ByteBuffer.allocate(1 + 2 + wrapped.length + NONCE_BYTES + sealed.length)
                    .put(FORMAT).putShort((short) wrapped.length).put(wrapped).put(nonce).put(sealed).array();
        } catch (SdkException e) {
            throw new InfrastructureException("KMS refused to issue a data key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            wipe(dataKey);
        }
    }

    /** Decrypts what {@link #seal} produced for the same {@code context}. */
    public byte[] open(byte[] blob, Map<String, String> context) {
        requireKey();
        byte[] dataKey = null;
        try {
            ByteBuffer in = ByteBuffer.wrap(blob);
            if (in.get() != FORMAT) {
                throw new InfrastructureException("encrypted Sage tokens have an unknown format");
            }
            byte[] wrapped = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(wrapped);
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            byte[] sealed = new byte[in.remaining()];
            in.get(sealed);
            dataKey = kms.decrypt(b -> b.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                    .encryptionContext(context)).plaintext().asByteArray();
            return gcm(Cipher.DECRYPT_MODE, dataKey, nonce, context).doFinal(sealed);
        } catch (SdkException e) {
            throw new InfrastructureException("KMS refused to decrypt the Sage tokens' data key", e);
        } catch (java.nio.BufferUnderflowException | GeneralSecurityException e) {
            // a truncated or tampered blob; never include its bytes in the message
            throw new InfrastructureException("encrypted Sage tokens do not decrypt");
        } finally {
            wipe(dataKey);
        }
    }

    private static Cipher gcm(int mode, byte[] key, byte[] nonce, Map<String, String> context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(new java.util.TreeMap<>(context).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return cipher;
    }

    /** The composition roots require the key at start (SAGESYNC_KMS_KEY_ID); this guards wiring that skipped it. */
    private void requireKey() {
        if (keyId.isBlank()) {
            throw new IllegalStateException("no KMS key configured for the Sage tokens (SAGESYNC_KMS_KEY_ID)");
        }
    }

    private static void wipe(byte[] key) {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }
}
