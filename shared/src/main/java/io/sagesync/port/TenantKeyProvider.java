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
}
