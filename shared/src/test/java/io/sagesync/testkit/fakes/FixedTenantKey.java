package io.sagesync.testkit.fakes;

import io.sagesync.port.InfrastructureException;
import io.sagesync.port.TenantKeyProvider;
import java.nio.charset.StandardCharsets;

/** {@link TenantKeyProvider} returning a fixed key, or failing as if Secrets Manager were unreachable. */
public final class FixedTenantKey implements TenantKeyProvider {
    private volatile String apiKey;
    private volatile String stored;
    private volatile boolean unavailable;
    private int reloads;
    private volatile String pending;

    public FixedTenantKey(String apiKey) {
        this.apiKey = apiKey;
        this.stored = apiKey;
    }

    /** Re-pairing: the store holds {@code newKey}, while {@link #apiKey()} keeps answering the cached old one. */
    public void rotateInStore(String newKey) {
        this.stored = newKey;
    }

    /** How many uncached reads {@link #reloadIfChanged()} made. */
    public synchronized int reloads() {
        return reloads;
    }

    @Override
    public synchronized java.util.Optional<byte[]> reloadIfChanged() {
        reloads++;
        if (stored.equals(apiKey)) {
            return java.util.Optional.empty();
        }
        apiKey = stored;
        return java.util.Optional.of(apiKey.getBytes(StandardCharsets.UTF_8));
    }

    /** A pairing in progress: {@code key} is staged (Magento holds it) but not yet current. Null: none. */
    public void stagePending(String key) {
        this.pending = key;
    }

    @Override
    public java.util.Optional<byte[]> pendingKey() {
        String key = pending;
        return key == null ? java.util.Optional.empty() : java.util.Optional.of(key.getBytes(StandardCharsets.UTF_8));
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
