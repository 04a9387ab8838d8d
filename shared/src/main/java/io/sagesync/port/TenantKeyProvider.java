package io.sagesync.port;

/**
 * The tenant's master {@code api_key} (delivered to Magento at pairing), from which both HKDF subkeys derive.
 * Implementations cache it per execution environment with a TTL.
 */
public interface TenantKeyProvider {
    /**
     * @return the api_key bytes exactly as stored (UTF-8 of the string Magento received)
     * @throws InfrastructureException when the key cannot be loaded right now (transient: webhook answers 503)
     */
    byte[] apiKey();

    /**
     * Reads the key again from the store, past the cache, and returns it if it differs from the cached one (the
     * store was re-paired since); at most one such read per short interval per execution environment, so a flood of
     * bad tokens cannot turn into a flood of store reads. Callers use it once, after a signature failed with the
     * cached key, instead of answering 401 (which Magento dead-letters) until the cache expires.
     *
     * @return the new key (now also cached), or empty when unchanged or a reload happened too recently
     * @throws InfrastructureException when the store cannot be read right now
     */
    default java.util.Optional<byte[]> reloadIfChanged() {
        return java.util.Optional.empty();
    }

    /**
     * The key a pairing in progress has staged but not yet made current: Magento holds it from the moment it accepts
     * the handshake and may sign with it before the promotion lands (or if the promotion failed). Read past the cache
     * and rate-limited like {@link #reloadIfChanged()}; empty when no pairing is in progress (nothing staged, staged
     * longer ago than a pairing can take, or already current).
     *
     * @throws InfrastructureException when the store cannot be read right now
     */
    default java.util.Optional<byte[]> pendingKey() {
        return java.util.Optional.empty();
    }
}
