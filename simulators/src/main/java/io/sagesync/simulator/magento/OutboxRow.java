package io.sagesync.simulator.magento;

import java.time.Instant;

/**
 * Snapshot of one {@code byte8_event_outbox} row. {@code status} is {@code pending}, {@code succeeded} or
 * {@code dead_lettered}; {@code body} is the exact webhook body, computed once at enqueue.
 */
public record OutboxRow(
        long id,
        String idempotencyKey,
        String eventName,
        String body,
        String status,
        int attempts,
        Integer lastStatusCode,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        String syncRunId) {
}
