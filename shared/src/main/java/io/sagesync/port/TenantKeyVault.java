package io.sagesync.port;

/**
 * Where the tenant's api_key (and the paired shop's URL) is rotated without ever losing a key Magento might hold:
 * a candidate is staged first and made current only after Magento accepted it. Both throw
 * {@link InfrastructureException} when the store is unavailable.
 */
public interface TenantKeyVault {
    /** Stores the candidate key (and the shop it is for) beside the current one; returns its version id. */
    String stagePending(String apiKey, String shopUrl, String versionId);

    /** Makes the accepted key current; the previous one stays recoverable. */
    void promote(String apiKey, String shopUrl, String versionId);
}
