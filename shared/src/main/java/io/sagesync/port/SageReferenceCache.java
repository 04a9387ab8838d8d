package io.sagesync.port;

import java.util.Optional;

/** The last fetched {@link SageReference}. Both throw {@link InfrastructureException} when unavailable. */
public interface SageReferenceCache {
    void save(SageReference reference);

    Optional<SageReference> load();
}
