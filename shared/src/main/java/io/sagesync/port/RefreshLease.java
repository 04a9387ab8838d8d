package io.sagesync.port;

import java.time.Duration;

/** A short mutual-exclusion lease so that only one process per tenant spends the single-use refresh token. */
public interface RefreshLease {
    /**
     * Takes the lease when it is free or its holder's time ran out (holder crashed).
     *
     * @param owner    unique id of this attempt
     * @param duration how long the lease protects us; longer than the token call's timeout
     * @return whether this owner now holds the lease
     */
    boolean tryAcquire(String owner, Duration duration);

    /** Releases the lease if {@code owner} still holds it; a no-op otherwise. */
    void release(String owner);
}
