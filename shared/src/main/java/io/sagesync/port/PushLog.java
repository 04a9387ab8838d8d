package io.sagesync.port;

import io.sagesync.domain.PushStatus;
import io.sagesync.domain.SyncStateUpdate;
import java.time.Instant;

/**
 * Where the push function records what happened to each sync-state push: on the run (for operators and the
 * dashboard) and, for delivered pushes, a per-mirror-row watermark so that a delayed older push never overwrites a
 * newer chip. All methods throw {@link InfrastructureException} when the store is unavailable.
 */
public interface PushLog {

    /**
     * Whether a push for the same Magento mirror row (entity type, id, provider) with a strictly later
     * {@code last_sync_at} was already delivered, which makes {@code update} stale.
     */
    boolean supersededByDelivered(SyncStateUpdate update);

    /**
     * Records the latest push attempt on run {@code runId} ({@code push_status}, {@code push_message},
     * {@code push_attempts}, and {@code pushed_at} when delivered). A run that does not exist is left absent.
     * A {@link PushStatus#DELIVERED} record also advances the mirror row's watermark to {@code update}'s
     * {@code last_sync_at}.
     *
     * @param message short, secret-free diagnostic (Magento's error template and status), or null
     * @param attempts how many times this push was tried (SQS receive count)
     */
    void record(String runId, SyncStateUpdate update, PushStatus status, String message, int attempts, Instant at);
}
