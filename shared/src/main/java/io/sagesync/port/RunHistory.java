package io.sagesync.port;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.RunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reading runs back for people: by creation time (the console's lists), by id, and by Magento entity (the module's
 * status lookup). All methods throw {@link InfrastructureException} when the store is unavailable.
 */
public interface RunHistory {
    /** Runs created in {@code [from, to)}, newest first, at most {@code limit}. */
    List<RunRecord> createdBetween(Instant from, Instant to, int limit);

    Optional<RunRecord> find(String runId);

    /** Every run recorded for one Magento entity (one per event kind at most), newest first. */
    List<RunRecord> forEntity(EntityType type, long magentoEntityId);
}
