package io.sagesync.port;

import java.time.Duration;
import java.util.Optional;

/**
 * Pending Sage authorisations, one per OAuth {@code state}: single use and short-lived. Both throw
 * {@link InfrastructureException} when the store is unavailable.
 */
public interface OAuthStateStore {
    /** How long a state can be redeemed. */
    Duration STATE_TTL = Duration.ofMinutes(10);

    /** What {@code sage_connect_start} remembered for the callback. */
    record PendingAuthorization(String codeVerifier, String businessId) {
        @Override
        public String toString() {
            return "PendingAuthorization[businessId=" + businessId + "]";
        }
    }

    void save(String state, PendingAuthorization pending);

    /** Consumes the state: present and unexpired once, empty ever after (also for a null or blank state). */
    Optional<PendingAuthorization> take(String state);
}
