package io.sagesync.port;

import io.sagesync.domain.PushStatus;
import io.sagesync.domain.SyncStateUpdate;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the push function records what happened to each sync-state push (on the run, for operators and the
 * dashboard), and how pushes to one Magento mirror row are ordered: a push must {@link #claim} the row before its
 * POST and {@link #release} it after, so two outcomes for one row are never in flight at once and an older one can
 * never land after a newer one. All methods throw {@link InfrastructureException} when the store is unavailable.
 */
public interface PushLog {

    /** What a claim found. */
    enum Claim {
        /** The row is this push's until it releases it or the lease runs out: POST now. */
        CLAIMED,
        /** A push with a strictly later {@code last_sync_at} was already delivered: drop this one. */
        SUPERSEDED,
        /** Another push for the row is in flight: try again shortly. */
        BUSY
    }

    /**
     * Claims the mirror row (entity type, id, provider) of {@code update} for {@code holder} for at most
     * {@code lease}, unless a newer push was delivered or another holder's lease is still running. A holder may
     * re-claim its own row (a redelivered message after a crash).
     */
    Claim claim(SyncStateUpdate update, String holder, Instant now, Duration lease);

    /**
     * Ends {@code holder}'s claim; when {@code delivered}, the row's delivered watermark becomes {@code update}'s
     * {@code last_sync_at} (never moving backwards), so older pushes are superseded from then on.
     */
    void release(SyncStateUpdate update, String holder, boolean delivered);

    /**
     * Records the latest push attempt on run {@code runId} ({@code push_status}, {@code push_message},
     * {@code push_attempts}, and {@code pushed_at} when delivered). A run that does not exist is left absent.
     *
     * @param message short, secret-free diagnostic (Magento's error template and status), or null
     * @param attempts how many times this push was tried (SQS receive count)
     */
    void record(String runId, SyncStateUpdate update, PushStatus status, String message, int attempts, Instant at);
}
