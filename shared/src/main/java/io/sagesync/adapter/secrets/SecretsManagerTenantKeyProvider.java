package io.sagesync.adapter.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.TenantKeyProvider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * The tenant's api_key from Secrets Manager, cached per execution environment for a TTL so a warm webhook does not
 * pay a Secrets Manager call, while a rotated key (re-pairing) is picked up within the TTL. Loaded lazily on first
 * use, never during init: with SnapStart a key read in init would be frozen into the snapshot.
 *
 * <p>The secret is JSON {@code {"api_key":"...","magento_base_url":"..."}} (the template generates the key;
 * pairing rotates it and adds the shop's URL); the key's bytes are used as-is, exactly as Magento uses the string it
 * received at pairing.
 */
public final class SecretsManagerTenantKeyProvider implements TenantKeyProvider {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient secrets;
    private final String secretId;
    private final Duration ttl;
    private final Clock clock;
    private volatile Cached cached;
    private volatile Instant lastForcedReload = Instant.EPOCH;
    private Instant lastPendingRead = Instant.EPOCH;
    private byte[] pending;
    /**
     * A staged key counts as "pairing in progress" this long: Magento's pairing code lives 30 minutes and the
     * handshake itself takes seconds, so a staged key older than this belongs to a pairing that failed or finished.
     */
    static final Duration PAIRING_WINDOW = Duration.ofMinutes(30);
    /** At most one uncached read per this interval (a bad-signature storm must not become a Secrets Manager storm). */
    static final Duration FORCED_RELOAD_INTERVAL = Duration.ofSeconds(10);

    private record Cached(byte[] key, String magentoBaseUrl, Instant loadedAt) {
    }

    public SecretsManagerTenantKeyProvider(SecretsManagerClient secrets, String secretId, Duration ttl, Clock clock) {
        this.secrets = secrets;
        this.secretId = secretId;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public byte[] apiKey() {
        return current().key().clone();
    }

    @Override
    public synchronized java.util.Optional<byte[]> reloadIfChanged() {
        Instant now = clock.instant();
        if (now.isBefore(lastForcedReload.plus(FORCED_RELOAD_INTERVAL))) {
            return java.util.Optional.empty();
        }
        lastForcedReload = now;
        Cached before = cached;
        Cached fresh = load(now);
        cached = fresh;
        if (before != null && java.util.Arrays.equals(before.key(), fresh.key())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(fresh.key().clone());
    }

    /**
     * The {@code AWSPENDING} version the admin's pairing staged ({@code SecretsManagerTenantKeyVault}), while it is
     * younger than {@link #PAIRING_WINDOW} and differs from the current key. One read per
     * {@link #FORCED_RELOAD_INTERVAL} at most; the answer is reused within it.
     */
    @Override
    public synchronized java.util.Optional<byte[]> pendingKey() {
        Instant now = clock.instant();
        if (now.isBefore(lastPendingRead.plus(FORCED_RELOAD_INTERVAL))) {
            return java.util.Optional.ofNullable(pending).map(byte[]::clone);
        }
        lastPendingRead = now;
        pending = null;
        String secret;
        try {
            secret = secrets.getSecretValue(GetSecretValueRequest.builder().secretId(secretId)
                    .versionStage(SecretsManagerTenantKeyVault.PENDING).build()).secretString();
        } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException e) {
            return java.util.Optional.empty(); // never paired through the admin: nothing staged
        } catch (SdkException e) {
            throw new InfrastructureException("tenant secret not loadable", e);
        }
        String key = field(secret, "api_key");
        String stagedAt = field(secret, "staged_at");
        if (key == null || key.isEmpty() || stagedAt == null || !stagedAt.matches("\\d{1,12}")
                || Instant.ofEpochSecond(Long.parseLong(stagedAt)).plus(PAIRING_WINDOW).isBefore(now)) {
            return java.util.Optional.empty();
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        Cached current = cached;
        if (current != null && java.util.Arrays.equals(current.key(), bytes)) {
            return java.util.Optional.empty(); // already promoted
        }
        pending = bytes;
        return java.util.Optional.of(bytes.clone());
    }

    /** The shop's base URL stored at pairing, or empty if the secret has none (same cache as the key). */
    public String magentoBaseUrl() {
        return current().magentoBaseUrl();
    }

    private Cached current() {
        Cached current = cached;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.loadedAt().plus(ttl))) {
            return current;
        }
        current = load(now);
        cached = current;
        return current;
    }

    private Cached load(Instant now) {
        String secret;
        try {
            secret = secrets.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build())
                    .secretString();
        } catch (SdkException e) {
            throw new InfrastructureException("tenant secret not loadable", e);
        }
        String apiKey = field(secret, "api_key");
        if (apiKey == null || apiKey.isEmpty()) {
            // misconfiguration is still "our side": 503 keeps Magento retrying while an operator fixes it
            throw new InfrastructureException("tenant secret has no api_key");
        }
        String shop = field(secret, "magento_base_url");
        return new Cached(apiKey.getBytes(StandardCharsets.UTF_8), shop == null ? "" : shop, now);
    }

    /**
     * A field of the JSON secret (null when absent); a plain-string secret is the api_key itself. A secret that
     * looks like JSON but does not parse, or a field that is not a string, fails loudly: read as "absent" it would
     * silently drop the paired shop URL.
     */
    private static String field(String secret, String name) {
        if (secret == null) {
            return null;
        }
        String trimmed = secret.trim();
        if (!trimmed.startsWith("{")) {
            return "api_key".equals(name) ? trimmed : null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(trimmed).path(name);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InfrastructureException("tenant secret is not valid JSON");
        }
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InfrastructureException("tenant secret field " + name + " is not a string");
        }
        return node.asText();
    }
}
