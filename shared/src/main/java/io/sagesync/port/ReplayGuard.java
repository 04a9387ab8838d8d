package io.sagesync.port;

import java.time.Instant;

/** Remembers token ids ({@code jti}) so that each token is accepted once. */
public interface ReplayGuard {
    /**
     * Records {@code jti} as used until {@code keepUntil}.
     *
     * @return true if this is the first use, false if the id was already recorded
     * @throws InfrastructureException if the store cannot be reached (never "fail open")
     */
    boolean firstUse(String jti, Instant keepUntil);
}
