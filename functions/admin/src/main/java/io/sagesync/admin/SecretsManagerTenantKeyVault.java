package io.sagesync.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.port.InfrastructureException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Rotates the tenant's api_key in the TenantSecret without ever losing a key Magento might hold.
 *
 * <p>The new key is first written as an {@code AWSPENDING} version (durable, but not what the webhook verifies
 * with), then promoted to {@code AWSCURRENT} only after Magento accepted it; Secrets Manager moves the old key to
 * {@code AWSPREVIOUS}, so it stays recoverable. If pairing fails, {@code AWSCURRENT} is untouched and the pending
 * version is simply superseded by the next attempt. If Magento accepted the key but the promotion call fails, the
 * key is still in the pending version and {@code aws secretsmanager update-secret-version-stage} recovers it.
 */
final class SecretsManagerTenantKeyVault {
    static final String PENDING = "AWSPENDING";
    static final String CURRENT = "AWSCURRENT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient secrets;
    private final String secretId;

    SecretsManagerTenantKeyVault(SecretsManagerClient secrets, String secretId) {
        this.secrets = Objects.requireNonNull(secrets);
        this.secretId = Objects.requireNonNull(secretId);
    }

    /** Stores the candidate key (and the shop it is for) as the pending version; returns its version id. */
    String stagePending(String apiKey, String shopUrl, String versionId) {
        String value = JSON.createObjectNode().put("api_key", apiKey).put("magento_base_url", shopUrl).toString();
        try {
            return secrets.putSecretValue(b -> b.secretId(secretId).clientRequestToken(versionId)
                    .secretString(value).versionStages(List.of(PENDING))).versionId();
        } catch (SdkException e) {
            throw new InfrastructureException("tenant secret not writable", e);
        }
    }

    /** Makes the pending version current; the previous current becomes AWSPREVIOUS. */
    void promote(String versionId) {
        try {
            String current = secrets.describeSecret(b -> b.secretId(secretId)).versionIdsToStages().entrySet()
                    .stream().filter(e -> e.getValue().contains(CURRENT)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            secrets.updateSecretVersionStage(b -> b.secretId(secretId).versionStage(CURRENT)
                    .moveToVersionId(versionId).removeFromVersionId(current));
        } catch (SdkException e) {
            throw new InfrastructureException("tenant secret version not promotable", e);
        }
    }
}
