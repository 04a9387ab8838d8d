package io.sagesync.application;

import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.WebhookDelivery;
import io.sagesync.log.Log;
import io.sagesync.port.InvalidWebhookBodyException;
import io.sagesync.port.SyncQueue;
import io.sagesync.port.SyncRunStore;
import io.sagesync.port.TenantKeyProvider;
import io.sagesync.port.WebhookBodyParser;
import io.sagesync.security.MagentoWebhookVerifier;
import io.sagesync.security.TokenVerificationException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Webhook ingress: authenticate, de-duplicate on the Idempotency-Key, record the run, enqueue the job.
 *
 * <p>Write order is what makes this lossless: the key claim, the run, the job, the enqueued mark, each a single
 * conditional write that any later delivery of the same key can finish. A key without its run (a crash in between)
 * is repaired by the next delivery, which writes the run under the key's run id from its own identical request; a
 * run whose job never reached SQS is sent by the next delivery; if the send fails we answer 503 and Magento retries.
 * (A crash after the send but before the mark makes the retry send once more; the FIFO de-duplication id drops that
 * within 5 minutes and the worker's run-status check after that.) Runs that no delivery ever completes are
 * re-enqueued by {@link SweepStalledRuns}; jobs whose run was lost re-materialise it ({@link ProcessSyncJob}).
 */
public final class AcceptWebhook {
    /** An id-only webhook is ~150 bytes; 64 KiB leaves room for any future payload and refuses abuse. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Magento's outbox column is varchar(128). */
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 128;

    private static final Log LOG = Log.of(AcceptWebhook.class);

    private final String tenantId;
    private final TenantKeyProvider keys;
    private final MagentoWebhookVerifier verifier;
    private final WebhookBodyParser parser;
    private final SyncRunStore runs;
    private final SyncQueue queue;
    private final Clock clock;
    private final Supplier<String> runIds;

    public AcceptWebhook(String tenantId, TenantKeyProvider keys, MagentoWebhookVerifier verifier,
                         WebhookBodyParser parser, SyncRunStore runs, SyncQueue queue, Clock clock,
                         Supplier<String> runIds) {
        this.tenantId = tenantId;
        this.keys = keys;
        this.verifier = verifier;
        this.parser = parser;
        this.runs = runs;
        this.queue = queue;
        this.clock = clock;
        this.runIds = runIds;
    }

    /**
     * @throws WebhookRejectedException            for requests that can never succeed (4xx)
     * @throws io.sagesync.port.InfrastructureException for transient trouble on our side (503)
     */
    public WebhookOutcome accept(WebhookRequest request) {
        Log.withContext("tenant", tenantId);
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (body.length > MAX_BODY_BYTES) {
            throw new WebhookRejectedException(WebhookRejectedException.Kind.TOO_LARGE, "body_too_large");
        }
        authenticate(request);
        Optional<EventName> event = EventName.fromWire(request.eventName());
        if (event.isEmpty()) {
            LOG.info("event ignored", "event", truncate(request.eventName(), 64));
            return new WebhookOutcome.Ignored(request.eventName());
        }
        WebhookDelivery delivery;
        try {
            delivery = parser.parse(body);
        } catch (InvalidWebhookBodyException e) {
            throw new WebhookRejectedException(WebhookRejectedException.Kind.INVALID_PAYLOAD, e.code());
        }
        String key = idempotencyKey(request.idempotencyKey(), event.get(), body);
        return recordAndEnqueue(event.get(), delivery, key);
    }

    private void authenticate(WebhookRequest request) {
        if (!tenantId.equals(request.pathTenantId())) {
            // the same answer as a bad token: a caller must not learn which tenant ids exist
            LOG.warn("webhook token rejected", "reason", "unknown_tenant");
            throw new WebhookRejectedException(WebhookRejectedException.Kind.UNAUTHENTICATED, "invalid_token");
        }
        byte[] apiKey = keys.apiKey();
        try {
            verifier.verify(request.authorization(), apiKey, tenantId);
        } catch (TokenVerificationException e) {
            if (e.reason() != TokenVerificationException.Reason.BAD_SIGNATURE
                    || !verifiesWith(keys.reloadIfChanged(), request, "re-read api_key (re-paired)")
                    && !verifiesWith(keys.pendingKey(), request, "pending api_key (pairing in progress)")) {
                LOG.warn("webhook token rejected", "reason", e.reason().name());
                throw new WebhookRejectedException(WebhookRejectedException.Kind.UNAUTHENTICATED, "invalid_token");
            }
        } finally {
            java.util.Arrays.fill(apiKey, (byte) 0);
        }
    }

    /**
     * After re-pairing, Magento signs with the new key while this environment may still cache the old one for
     * minutes; a 401 would dead-letter the webhook. So a bad signature gets one more try with the key re-read from
     * the store, and one with the key a pairing in progress has staged (Magento holds it before we promote it); both
     * reads are rate-limited by the provider.
     */
    private boolean verifiesWith(Optional<byte[]> candidate, WebhookRequest request, String which) {
        if (candidate.isEmpty()) {
            return false;
        }
        byte[] key = candidate.get();
        try {
            verifier.verify(request.authorization(), key, tenantId);
            LOG.info("webhook verified with the " + which);
            return true;
        } catch (TokenVerificationException again) {
            return false;
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    private WebhookOutcome recordAndEnqueue(EventName event, WebhookDelivery delivery, String key) {
        Instant now = clock.instant();
        // the key's owner is this request's fresh id, or the run id of an earlier delivery of the same key
        String freshId = runIds.get();
        String runId = runs.claimKey(key, freshId);
        Log.withContext("run_id", runId);
        // A repair starts at enqueue count 2: the lost run's first job (count 1) may have reached SQS, and the same
        // de-duplication id would make SQS swallow this one for 5 minutes.
        int firstCount = runId.equals(freshId) ? 1 : 2;
        SyncRun candidate = SyncRun.accepted(
                new SyncRun.Subject(runId, tenantId, event, delivery.magentoEntityId(), key), now)
                .toBuilder().enqueueCount(firstCount).build();
        Optional<SyncRun> existing = runs.createIfAbsent(candidate);
        if (existing.isEmpty()) {
            // a new run, or the repair of a key whose run was never written (a crash between the two writes): the
            // request holds everything the run needs, so it is recreated rather than answered 503 until expiry
            enqueue(candidate, delivery);
            LOG.info("run accepted", "run_id", runId, "event", event.wireName(),
                    "magento_entity_id", delivery.magentoEntityId());
            return new WebhookOutcome.Accepted(runId);
        }
        SyncRun run = existing.get();
        if (run.status() == RunStatus.FAILED) {
            // a merchant's re-fire (or Magento's requeue) of a failed run must be able to retry it
            Optional<SyncRun> requeued = runs.requeueFailed(run.runId(), now);
            if (requeued.isPresent()) {
                enqueue(requeued.get(), delivery);
                LOG.info("failed run queued again", "run_id", run.runId(), "event", event.wireName());
                return new WebhookOutcome.Accepted(run.runId());
            }
            run = runs.find(run.runId()).orElse(run);
        }
        if (run.status() == RunStatus.QUEUED && !run.enqueued()) {
            // an earlier call wrote the run but has not (yet) got the job into SQS: send it, with the same count, so
            // a concurrent first delivery and this one share one FIFO de-duplication id
            enqueue(run, delivery);
            LOG.info("enqueue completed on retry", "run_id", run.runId(), "event", event.wireName());
            return new WebhookOutcome.Accepted(run.runId());
        }
        LOG.info("duplicate webhook", "run_id", run.runId(), "event", event.wireName(), "status",
                run.status().wireName());
        return new WebhookOutcome.Duplicate(run.runId());
    }

    private void enqueue(SyncRun run, WebhookDelivery delivery) {
        queue.enqueue(new SyncJob(run.runId(), tenantId, run.event(), run.magentoEntityId(), delivery.websiteId(),
                delivery.storeId(), run.enqueueCount(), run.idempotencyKey()));
        runs.markEnqueued(run.runId(), run.enqueueCount());
    }

    /** The module's own rule when a caller omits the key: {@code "{event}:" + sha1(body)}. */
    static String idempotencyKey(String header, EventName event, byte[] body) {
        if (header == null || header.isBlank()) {
            return event.wireName() + ":" + sha1Hex(body);
        }
        String key = header.trim();
        if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new WebhookRejectedException(WebhookRejectedException.Kind.INVALID_PAYLOAD,
                    "invalid_idempotency_key");
        }
        return key;
    }

    private static String sha1Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JCE algorithm", e);
        }
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
