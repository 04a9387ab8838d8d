package io.sagesync.adapter.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.TenantKeyVault;
import java.util.List;
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
public final class SecretsManagerTenantKeyVault implements TenantKeyVault {
    static final String PENDING = "AWSPENDING";
    static final String CURRENT = "AWSCURRENT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient secrets;
    private final String secretId;
    private final java.time.Clock clock;

    public SecretsManagerTenantKeyVault(SecretsManagerClient secrets, String secretId) {
        this(secrets, secretId, java.time.Clock.systemUTC());
    }

    /** @param clock stamps a staged key ({@code staged_at}), so the webhook accepts it only while pairing */
    public SecretsManagerTenantKeyVault(SecretsManagerClient secrets, String secretId, java.time.Clock clock) {
        this.secrets = Objects.requireNonNull(secrets);
        this.secretId = Objects.requireNonNull(secretId);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Stages the candidate as {@code AWSPENDING}, stamped with {@code staged_at} (epoch seconds): from the moment
     * Magento accepts the handshake it may sign webhooks with it, and {@code SecretsManagerTenantKeyProvider}
     * accepts it for a pairing's duration, before and even without the promotion.
     */
    @Override
    public String stagePending(String apiKey, String shopUrl, String versionId) {
        String value = JSON.createObjectNode().put("api_key", apiKey).put("magento_base_url", shopUrl)
                .put("staged_at", Long.toString(clock.instant().getEpochSecond())).toString();
        try {
            return secrets.putSecretValue(b -> b.secretId(secretId).clientRequestToken(versionId)
                    .secretString(value).versionStages(List.of(PENDING))).versionId();
        } catch (SdkException e) {
            throw new InfrastructureException("tenant secret not writable", e);
        }
    }

    /**
     * Makes the accepted key current with a plain put (Secrets Manager moves AWSCURRENT to it and the old key to
     * AWSPREVIOUS). A put rather than UpdateSecretVersionStage because GetSecretValue's default must follow, and
     * some emulators only update their default on a put; the staged pending copy stays as the recovery path.
     */
    @Override
    public void promote(String apiKey, String shopUrl, String versionId) {
        String value = JSON.createObjectNode().put("api_key", apiKey).put("magento_base_url", shopUrl).toString();
        try {
            secrets.putSecretValue(b -> b.secretId(secretId).clientRequestToken(versionId).secretString(value));
        } catch (SdkException e) {
            throw new InfrastructureException("tenant secret not writable after Magento accepted the new key; "
                    + "recover it with: aws secretsmanager update-secret-version-stage --version-stage AWSCURRENT "
                    + "--move-to-version-id <the AWSPENDING version>", e);
        }
    }
}
