package io.sagesync.application.module;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.RunRecord;
import io.sagesync.domain.RunStatus;
import io.sagesync.port.RunHistory;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code GET /v1/status?entity_type=&entity_id=}: one entity's runs and the chip the module would show for it. */
public final class EntityStatus {

    /**
     * @param chip the mirror vocabulary: {@code synced}, {@code pending}, {@code skipped}, {@code failed}, or
     *             {@code none} when no run exists
     * @param runs newest first
     */
    public record Status(EntityType type, long entityId, String chip, List<RunRecord> runs) {
    }

    private final RunHistory history;

    public EntityStatus(RunHistory history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    /** @return empty when the type is not one of the four entity types or the id is not a positive number */
    public Optional<Status> lookup(String entityType, String entityId) {
        Optional<EntityType> type = Arrays.stream(EntityType.values())
                .filter(t -> t.wireName().equals(entityType)).findFirst();
        long id;
        try {
            id = Long.parseLong(entityId == null ? "" : entityId.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (type.isEmpty() || id <= 0) {
            return Optional.empty();
        }
        List<RunRecord> runs = history.forEntity(type.get(), id);
        return Optional.of(new Status(type.get(), id, chip(runs), runs));
    }

    /** The newest run decides, as Magento's mirror row is overwritten by each outcome. */
    static String chip(List<RunRecord> runs) {
        if (runs.isEmpty()) {
            return "none";
        }
        RunStatus status = runs.get(0).run().status();
        return switch (status) {
            case SUCCEEDED -> "synced";
            case SKIPPED -> "skipped";
            case FAILED -> "failed";
            case QUEUED, RUNNING -> "pending";
        };
    }
}
