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
    /**
     * @param replaceConfirmed the operator asked to replace an active connection to another business
     *                         ({@code sage_connect_start} with {@code replace: true}); without it the public callback
     *                         never swaps the business an active stack posts to
     */
    record PendingAuthorization(String codeVerifier, String businessId, boolean replaceConfirmed) {
        public PendingAuthorization(String codeVerifier, String businessId) {
            this(codeVerifier, businessId, false);
        }

        @Override
        public String toString() {
            return "PendingAuthorization[businessId=" + businessId + "]";
        }
    }

    void save(String state, PendingAuthorization pending);

    /** Consumes the state: present and unexpired once, empty ever after (also for a null or blank state). */
    Optional<PendingAuthorization> take(String state);
}
