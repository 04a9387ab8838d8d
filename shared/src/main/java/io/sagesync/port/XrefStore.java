package io.sagesync.port;

import io.sagesync.domain.Xref;
import java.util.Optional;

/**
 * Cross-references from our keys to Sage records ({@code entity_xref}): {@code invoice:42} → the Sage invoice,
 * {@code contact:M5:EUR} → the buyer's EUR contact. Written before a run is marked succeeded, so a replay finds the
 * Sage record instead of posting again. Throws {@link InfrastructureException} when the store is unavailable.
 */
public interface XrefStore {
    /** @param key {@code <kind>:<key>}, e.g. {@code invoice:42} or {@code contact:M5:EUR} */
    Optional<Xref> find(String key);

    /** Records (or overwrites) the cross-reference. */
    void put(String key, Xref xref);
}
