package io.sagesync.application;

import io.sagesync.domain.BindingState;
import io.sagesync.domain.PushJob;
import io.sagesync.domain.PushStatus;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.log.Log;
import io.sagesync.log.Metrics;
import io.sagesync.port.BindingStore;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.MagentoCallException;
import io.sagesync.port.MagentoGateway;
import io.sagesync.port.PushLog;
import io.sagesync.retry.ExponentialBackoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Delivers one terminal run outcome to Magento's sync-state endpoint (wire contract §e) and records how it went.
 *
 * <ul>
 *   <li>2xx → {@code delivered}, {@code pushed_at} recorded on the run; done.</li>
 *   <li>5xx, 3xx, 408, 429, timeouts, connection errors, our own store or secret being unavailable → retried with
 *       {@link io.sagesync.retry.RetryPolicies#SYNC_STATE_PUSH}; after the queue's {@code maxReceiveCount} SQS dead-letters the message (redrivable).</li>
 *   <li>400 and other non-retryable 4xx → {@code rejected} with Magento's message template; never retried, since the
 *       same body would be rejected again.</li>
 *   <li>401/403 → {@code unauthorized}; the binding's Magento channel is flagged {@code token_revoked} (re-pairing
 *       fixes it; retrying cannot).</li>
 *   <li>A newer outcome for the same mirror row already delivered → {@code superseded}; dropped, because Magento
 *       overwrites the row and a late older push would show a stale chip.</li>
 * </ul>
 * Pushes for one mirror row are ordered by a claim on the row taken before the POST ({@link PushLog#claim}): while
 * one outcome is in flight another waits ({@link #ROW_BUSY_RETRY}), and once a newer one is delivered the older is
 * superseded, so an older outcome can never land last and hide a failure.
 * The gateway signs a fresh JWT for every request (Magento's replay guard accepts each {@code jti} once).
 */
public final class PushSyncState {
    private static final Log LOG = Log.of(PushSyncState.class);
    static final String STEP = "push";
    /** Longer than a push can take (Magento timeout 10 s + connect 5 s), so a live holder never loses its row. */
    static final Duration ROW_LEASE = Duration.ofSeconds(60);
    /** Another push of the row is in flight: it ends within {@link #ROW_LEASE}, so look again soon. */
    static final Duration ROW_BUSY_RETRY = Duration.ofSeconds(15);

    private final String tenantId;
    private final MagentoGateway magento;
    private final PushLog pushLog;
    private final BindingStore binding;
    private final Metrics metrics;
    private final ExponentialBackoff backoff;
    private final Clock clock;

    public PushSyncState(String tenantId, MagentoGateway magento, PushLog pushLog, BindingStore binding,
                         Metrics metrics, ExponentialBackoff backoff, Clock clock) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.magento = Objects.requireNonNull(magento, "magento");
        this.pushLog = Objects.requireNonNull(pushLog, "pushLog");
        this.binding = Objects.requireNonNull(binding, "binding");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param job     the outcome to deliver
     * @param attempt 1 for the first delivery of the message, n for the n-th (SQS ApproximateReceiveCount)
     * @return whether the message is done, or when to retry it; never throws for Magento or store failures
     */
    public PushResult push(PushJob job, int attempt) {
        Log.withContext("tenant", tenantId);
        Log.withContext("run_id", job.runId());
        Log.withContext("event", job.event().wireName());
        Log.withContext("step", STEP);
        Instant started = clock.instant();
        PushResult result;
        try {
            result = attempt(job, attempt);
        } catch (InfrastructureException e) {
            // our own table or the tenant secret: transient by definition, the push itself may not have happened
            LOG.warn("push store unavailable, will retry", "cause", e.getMessage(), "attempt", attempt);
            result = PushResult.retryAfter(backoff.delayAfter(attempt));
        }
        Duration took = Duration.between(started, clock.instant());
        metrics.pushOutcome(result.status().wireName());
        metrics.stepLatency(STEP, took);
        if (!result.done()) {
            metrics.retry(STEP);
        }
        LOG.info("sync-state push finished", "push_status", result.status().wireName(), "attempt", attempt,
                "duration_ms", took.toMillis(),
                "retry_after_s", result.retryAfter() == null ? null : result.retryAfter().toSeconds());
        return result;
    }

    private PushResult attempt(PushJob job, int attempt) {
        SyncStateUpdate update = job.update();
        if (BindingState.DISCONNECTED.equals(binding.state().magentoConnection())) {
            // Magento cleared its credentials; a push now would only collect a 401 and a token_revoked flag
            record(job, PushStatus.DISCONNECTED, "the store was disconnected in Magento", attempt);
            return PushResult.finished(PushStatus.DISCONNECTED);
        }
        // one holder per outcome: a redelivered message (crash after the claim) may take its own row back
        String holder = job.runId() + "/" + update.syncStatus().name() + "/" + update.lastSyncAt().toEpochMilli();
        switch (pushLog.claim(update, holder, clock.instant(), ROW_LEASE)) {
            case SUPERSEDED -> {
                record(job, PushStatus.SUPERSEDED, "a newer outcome was already delivered", attempt);
                return PushResult.finished(PushStatus.SUPERSEDED);
            }
            case BUSY -> {
                record(job, PushStatus.RETRYING, "another outcome for this row is being delivered", attempt);
                return PushResult.retryAfter(ROW_BUSY_RETRY);
            }
            case CLAIMED -> {
            }
        }
        try {
            magento.pushSyncState(update);
        } catch (MagentoCallException e) {
            pushLog.release(update, holder, false);
            return failed(job, e, attempt);
        }
        try {
            pushLog.release(update, holder, true);
            record(job, PushStatus.DELIVERED, null, attempt);
        } catch (InfrastructureException e) {
            // Magento has the row; pushing it again later could overwrite a newer one, so the audit record is lost
            // rather than the message retried (the claim's lease runs out by itself)
            LOG.warn("push delivered but not recorded", "cause", e.getMessage());
        }
        return PushResult.finished(PushStatus.DELIVERED);
    }

    private PushResult failed(PushJob job, MagentoCallException e, int attempt) {
        return switch (e.kind()) {
            case TRANSIENT -> {
                record(job, PushStatus.RETRYING, e.getMessage(), attempt);
                yield PushResult.retryAfter(backoff.delayAfter(attempt));
            }
            case AUTH -> {
                record(job, PushStatus.UNAUTHORIZED, e.getMessage(), attempt);
                binding.flagMagento(BindingState.TOKEN_REVOKED,
                        "Magento answered " + e.httpStatus() + " to sync-state; re-pair the store");
                yield PushResult.finished(PushStatus.UNAUTHORIZED);
            }
            // 404 on a POST route means the module (or its route) is missing: as final as a 400
            case REJECTED, NOT_FOUND -> {
                record(job, PushStatus.REJECTED, e.getMessage(), attempt);
                yield PushResult.finished(PushStatus.REJECTED);
            }
        };
    }

    private void record(PushJob job, PushStatus status, String message, int attempt) {
        pushLog.record(job.runId(), job.update(), status, message, attempt, clock.instant());
    }
}
