package io.sagesync.application;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.log.Log;
import io.sagesync.port.MagentoGateway;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Fetches the canonical bodies of a whole batch of jobs from Magento at once, so that each job finds its body
 * ready instead of waiting for Magento in series with Sage ({@link SyncBatch}).
 *
 * <p>Why a body fetched at the start of the batch is as good as one fetched when its job runs: every job's webhook
 * arrived before the batch was received, so the body is at least as new as the change the job is about; a change
 * made after the fetch has its own outbox row, webhook and job, which fetches again. Each body is handed out once,
 * and {@link #forget()} drops what the batch did not use, so nothing outlives its invocation. A failed fetch is
 * handed to its job exactly as a direct call would have failed ({@link io.sagesync.port.MagentoCallException}), so
 * retries, dead letters and the binding's health see no difference. Every other call goes straight to Magento.
 */
public final class PrefetchingMagentoGateway implements MagentoGateway {
    private static final Log LOG = Log.of(PrefetchingMagentoGateway.class);

    private final MagentoGateway magento;
    private final ExecutorService pool;
    private final Map<String, Future<String>> fetched = new HashMap<>();

    /** @param pool bounded (a few threads): the merchant's Magento sees at most that many of our GETs at once */
    public PrefetchingMagentoGateway(MagentoGateway magento, ExecutorService pool) {
        this.magento = magento;
        this.pool = pool;
    }

    /** Starts fetching the body each job will ask for first. */
    public synchronized void prefetch(List<SyncJob> jobs) {
        Map<String, String> context = Log.context();
        for (SyncJob job : jobs) {
            String key = keyFor(job);
            if (fetched.containsKey(key)) {
                continue;
            }
            fetched.put(key, pool.submit(() -> {
                Log.restoreContext(context);
                Log.withContext("run_id", job.runId());
                Log.withContext("event", job.event().wireName());
                Log.withContext("step", "prefetch");
                try {
                    return job.event() == io.sagesync.domain.EventName.INVOICE_PAID
                            ? magento.fetchPayment(job.magentoEntityId())
                            : magento.fetchCanonical(entityOf(job), job.magentoEntityId());
                } finally {
                    Log.clearContext();
                }
            }));
        }
    }

    /** Cancels and drops every body not handed out; the batch calls it when it ends. */
    public synchronized void forget() {
        fetched.values().forEach(f -> f.cancel(true));
        fetched.clear();
    }

    /**
     * The prefetched body of this entity once it has arrived, without handing it out (its job still gets it); empty
     * when it was not prefetched, was handed out already, or failed. For reading ahead ({@link Lookahead}).
     */
    public java.util.Optional<String> peek(EntityType type, long magentoId) {
        Future<String> body;
        synchronized (this) {
            body = fetched.get(type.name() + "/" + magentoId);
        }
        if (body == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(body.get());
        } catch (ExecutionException | CancellationException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    @Override
    public String fetchCanonical(EntityType type, long magentoId) {
        Future<String> body = take(type.name() + "/" + magentoId);
        return body == null ? magento.fetchCanonical(type, magentoId) : await(body, () ->
                magento.fetchCanonical(type, magentoId));
    }

    @Override
    public String fetchPayment(long invoiceId) {
        Future<String> body = take("PAYMENT/" + invoiceId);
        return body == null ? magento.fetchPayment(invoiceId) : await(body, () -> magento.fetchPayment(invoiceId));
    }

    @Override
    public void pushSyncState(SyncStateUpdate update) {
        magento.pushSyncState(update);
    }

    @Override
    public void ping() {
        magento.ping();
    }

    private synchronized Future<String> take(String key) {
        return fetched.remove(key);
    }

    private static String await(Future<String> body, java.util.function.Supplier<String> direct) {
        try {
            return body.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // what the direct call would have thrown
            }
            throw new IllegalStateException("prefetch failed", e.getCause());
        } catch (CancellationException e) {
            return direct.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("prefetch interrupted; fetching directly");
            return direct.get();
        }
    }

    /** The first body each job's use case asks for: the payment of {@code invoice.paid}, else its entity. */
    private static String keyFor(SyncJob job) {
        return job.event() == io.sagesync.domain.EventName.INVOICE_PAID ? "PAYMENT/" + job.magentoEntityId()
                : entityOf(job).name() + "/" + job.magentoEntityId();
    }

    private static EntityType entityOf(SyncJob job) {
        return job.event().entityType();
    }
}
