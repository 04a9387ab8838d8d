package io.sagesync.application.module;

import io.sagesync.application.WebhookRejectedException;
import io.sagesync.log.JsonLog;
import io.sagesync.port.TenantKeyProvider;
import io.sagesync.security.MagentoWebhookVerifier;
import io.sagesync.security.TokenVerificationException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Authenticates the module's own calls ({@code /v1/...}) exactly as webhooks are: the outbound JWT, the same
 * verifier, the same replay guard, {@code sub} = this stack's tenant.
 */
public final class MagentoCaller {
    private static final JsonLog LOG = JsonLog.of(MagentoCaller.class);

    private final String tenantId;
    private final TenantKeyProvider keys;
    private final MagentoWebhookVerifier verifier;

    public MagentoCaller(String tenantId, TenantKeyProvider keys, MagentoWebhookVerifier verifier) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * @throws WebhookRejectedException     401 for any token problem
     * @throws io.sagesync.port.InfrastructureException when the key or the replay guard is unavailable (503)
     */
    public void authenticate(String authorization) {
        byte[] apiKey = keys.apiKey();
        try {
            verifier.verify(authorization, apiKey, tenantId);
        } catch (TokenVerificationException e) {
            LOG.warn("module call token rejected", "reason", e.reason().name());
            throw new WebhookRejectedException(WebhookRejectedException.Kind.UNAUTHENTICATED, "invalid_token");
        } finally {
            Arrays.fill(apiKey, (byte) 0);
        }
    }
}
