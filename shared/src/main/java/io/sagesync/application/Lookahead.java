package io.sagesync.application;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.EventName;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.Xref;
import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.sage.ContactKeys;
import io.sagesync.log.Log;
import io.sagesync.port.CanonicalEntityParser;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Prepares the batch's next job while the current one waits on Sage ({@link SyncBatch}): its run is started
 * ({@link BatchRunStarts}) and the cross-references it will read are read ({@link BatchXrefs}): for an
 * {@code invoice.created}, the invoice's own xref and, once its prefetched body is parsed, the buyer's contact in the
 * invoice's currency (and, for a buyer with no contact yet, the currency index its creation updates). What is left
 * between two Sage calls of a known customer's invoices is mapping and posting; the writes trail on the
 * {@link CompletionLane}.
 *
 * <p>Only reads and the run's start happen ahead, never a Sage or Magento call of its own, so a preparation that
 * fails or goes unused changes nothing: the job makes the same calls itself, and reports their failures as before.
 */
public final class Lookahead {
    private static final Log LOG = Log.of(Lookahead.class);

    private final BatchRunStarts runs;
    private final BatchXrefs xrefs;
    private final PrefetchingMagentoGateway bodies;
    private final CanonicalEntityParser parser;
    private final ExecutorService pool;
    /** The preparations of this batch (a handful: one per job). */
    private final List<Future<?>> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** How long {@link #forget()} waits for a preparation: a read or two, or a cancelled body. */
    private static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(10);

    /**
     * @param bodies the batch's prefetched Magento bodies, read without handing them out
     * @param pool   where preparations run: not the pool {@code runs} and {@code xrefs} read on, because a
     *               preparation waits for its body, and a read queued behind it would wait too
     */
    public Lookahead(BatchRunStarts runs, BatchXrefs xrefs, PrefetchingMagentoGateway bodies,
                     CanonicalEntityParser parser, ExecutorService pool) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.xrefs = Objects.requireNonNull(xrefs, "xrefs");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /** Starts {@code job}'s run and its reads in the background; returns at once. */
    public void prepare(SyncJob job) {
        runs.startAhead(job.runId());
        if (job.event() != EventName.INVOICE_CREATED) {
            return;
        }
        xrefs.readAhead(List.of(Xref.invoiceKey(job.magentoEntityId())));
        Map<String, String> context = Log.context();
        tasks.add(pool.submit(() -> {
            Log.restoreContext(context);
            Log.withContext("run_id", job.runId());
            try {
                bodies.peek(EntityType.INVOICE, job.magentoEntityId())
                        .ifPresent(body -> readBuyerAhead(parser.parseInvoice(body)));
            } catch (RuntimeException notPrepared) {
                // an unreadable body or a failed read: the job makes the same calls itself and fails with the reason
                LOG.info("invoice not read ahead", "exception", notPrepared.getClass().getSimpleName());
            } finally {
                Log.clearContext();
            }
        }));
    }

    /**
     * Drops what the batch prepared and did not use; the batch calls it after draining its lane and dropping its
     * prefetched bodies. It first waits for preparations still running, so none of them lands in the next batch.
     */
    public void forget() {
        for (Future<?> task : tasks) {
            try {
                task.get(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | CancellationException | TimeoutException e) {
                task.cancel(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        tasks.clear();
        runs.forget();
        xrefs.forget();
    }

    /**
     * The buyer's contact in the invoice's currency ({@link ContactResolver} reads it first); for a registered buyer
     * without one, also the currency index its creation will update. Nothing more: a read nobody makes would cost
     * a request per invoice (the consolidated fallback contact is read when a job routes to it).
     */
    private void readBuyerAhead(CanonicalInvoice invoice) {
        CanonicalContact buyer = invoice.customer();
        // read here, on this preparation's own thread: a preparation never waits on the read pool
        Optional<Xref> contact = xrefs.readHere(ContactKeys.xrefKey(buyer, invoice.currency()));
        if (!buyer.isGuest() && contact.isEmpty()) {
            xrefs.readHere(ContactKeys.currencyIndexKey(buyer.magentoId()));
        }
    }
}
