package io.sagesync.testkit.fakes;

import io.sagesync.port.InfrastructureException;
import io.sagesync.port.TenantKeyProvider;
import java.nio.charset.StandardCharsets;

/** {@link TenantKeyProvider} returning a fixed key, or failing as if Secrets Manager were unreachable. */
public final class FixedTenantKey implements TenantKeyProvider {
    private final String apiKey;
    private volatile boolean unavailable;

    public FixedTenantKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public void unavailable(boolean value) {
        unavailable = value;
    }

    @Override
    public byte[] apiKey() {
        if (unavailable) {
            throw new InfrastructureException("injected: secret not loadable");
        }
        return apiKey.getBytes(StandardCharsets.UTF_8);
    }
}
