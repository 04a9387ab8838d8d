package io.sagesync.application;

import io.sagesync.domain.EventName;
import io.sagesync.domain.Outcomes;
import io.sagesync.domain.PushJob;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStart;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.domain.Xref;
import io.sagesync.log.Log;
import io.sagesync.port.BindingStore;
import io.sagesync.port.CanonicalEntityParser;
import io.sagesync.port.MagentoGateway;
import io.sagesync.port.PushQueue;
import io.sagesync.port.RetryScheduler;
import io.sagesync.port.RunLifecycle;
import io.sagesync.port.SageGateway;
import io.sagesync.port.SyncQueue;
import io.sagesync.port.XrefStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The sync worker's use case: one job from the tenant's FIFO queue → one terminal run outcome and one push job, or
 * a delayed retry. A transient failure never fails the FIFO message (that would stall the tenant's whole group);
 * the job waits in the retry queue instead, and after {@link SyncWorkerSettings#maxAttempts()} the run fails and the
 * job is dead-lettered for an operator. Only our own infrastructure failing ({@link
 * io.sagesync.port.InfrastructureException}) escapes, so SQS redelivers the message.
 *
 * <p>Event support: {@code invoice.created} ({@link InvoiceSync}) and {@code invoice.paid} ({@link PaymentSync}: a
 * customer receipt allocated to the synced invoice; the invoice chip keeps showing the synced invoice),
 * {@code creditmemo.created} ({@link CreditMemoSync}: a settled credit note), {@code customer.upserted}
 * ({@link CustomerSync}: every bound contact updated) and {@code product.upserted} ({@link ProductSync}: product,
 * service or stock item, plus stock movements). Runs skipped as {@value #EVENT_NOT_SUPPORTED} by older versions are
 * brought up to date by {@code make replay}.
 */
public final class ProcessSyncJob {
    /** Skip reason for events this worker does not sync yet. */
    public static final String EVENT_NOT_SUPPORTED = "event_not_supported";
    /** The events this worker syncs; runs of others skipped as {@value #EVENT_NOT_SUPPORTED} wait for a replay. */
    public static final java.util.Set<EventName> SUPPORTED_EVENTS = java.util.EnumSet.of(EventName.INVOICE_CREATED,
            EventName.INVOICE_PAID, EventName.CREDITMEMO_CREATED, EventName.CUSTOMER_UPSERTED,
            EventName.PRODUCT_UPSERTED);

    private static final Log LOG = Log.of(ProcessSyncJob.class);

    private final String tenantId;
    private final RunLifecycle runs;
    private final XrefStore xrefs;
    private final PushQueue pushQueue;
    private final RetryScheduler retries;
    private final SyncQueue syncQueue;
    private final SyncWorkerSettings settings;
    private final Clock clock;
    private final InvoiceSync invoices;
    private final PaymentSync payments;
    private final CreditMemoSync creditMemos;
    private final CustomerSync customers;
    private final ProductSync products;
    private final CompletionLane lane;

    /** Where the worker reads from: the shop and its canonical bodies. */
    public record Source(MagentoGateway magento, CanonicalEntityParser parser) {
    }

    /** Where the worker writes to: the tenant's binding (settings, health), Sage and the cross-references. */
    public record Ledger(BindingStore bindings, SageGateway sage, XrefStore xrefs) {
    }

    /** Where jobs go next: the sync-state push, the delayed retry (and dead letter), the tenant's FIFO queue. */
    public record Queues(PushQueue push, RetryScheduler retries, SyncQueue sync) {
    }

    /** Every run completed on the caller's thread before {@link #process} returns. */
    public ProcessSyncJob(String tenantId, RunLifecycle runs, Source source, Ledger ledger, Queues queues,
                          SyncWorkerSettings settings, Clock clock) {
        this(tenantId, runs, source, ledger, queues, settings, clock, CompletionLane.inline());
    }

    /**
     * @param lane where a run's writes after its Sage calls run ({@link SyncBatch}: in the background, while the
     *             batch's next job proceeds)
     */
    public ProcessSyncJob(String tenantId, RunLifecycle runs, Source source, Ledger ledger, Queues queues,
                          SyncWorkerSettings settings, Clock clock, CompletionLane lane) {
        this.lane = java.util.Objects.requireNonNull(lane, "lane");
        this.tenantId = tenantId;
        this.runs = runs;
        this.xrefs = ledger.xrefs();
        this.pushQueue = queues.push();
        this.retries = queues.retries();
        this.syncQueue = queues.sync();
        this.settings = settings;
        this.clock = clock;
        // one cache of reference data for both: a payment right after its invoice reads no reference data again
        SageReferenceDefaults defaults = new SageReferenceDefaults(ledger.sage(), clock, settings.referenceDataTtl());
        CanonicalEntityParser parser = source.parser();
        this.invoices = new InvoiceSync(tenantId, source.magento(), parser::parseInvoice, ledger.bindings(),
                ledger.sage(), ledger.xrefs(), defaults, settings, clock);
        this.payments = new PaymentSync(tenantId, source.magento(), parser::parsePayment, ledger.bindings(),
                ledger.sage(), ledger.xrefs(), defaults, invoices, clock);
        this.creditMemos = new CreditMemoSync(tenantId, new CreditMemoSync.Shop(source.magento(),
                parser::parseCreditMemo, parser::parseInvoice), ledger.bindings(), ledger.sage(), ledger.xrefs(),
                defaults, settings, clock);
        this.customers = new CustomerSync(source.magento(), parser::parseContact, ledger.bindings(), ledger.sage(),
                ledger.xrefs(), defaults, clock);
        this.products = new ProductSync(tenantId, source.magento(), parser::parseProduct, ledger.bindings(),
                ledger.sage(), ledger.xrefs(), defaults, settings, clock);
        invoices.refreshStockWith(products::refresh);
    }

    /** Where this worker completes its runs: a batch must drain it before it answers ({@link SyncBatch}). */
    public CompletionLane completions() {
        return lane;
    }

    /**
     * Runs one job from the FIFO sync queue.
     *
     * @return true when the message is done (delete it); false never happens today — failures that need SQS to
     *         redeliver throw {@link io.sagesync.port.InfrastructureException}
     */
    public boolean process(SyncJob job) {
        // every line logged while this job runs carries them (the handler clears the context per batch)
        Log.withContext("tenant", tenantId);
        Log.withContext("run_id", job.runId());
        Log.withContext("event", job.event().wireName());
        if (!tenantId.equals(job.tenantId())) {
            LOG.error("job for another tenant dropped", "run_id", job.runId(), "code", "tenant_mismatch");
            return true;
        }
        Instant startedAt = clock.instant();
        Optional<RunStart> start = runs.start(job.runId(), startedAt);
        if (start.isEmpty() && runs.restore(job, startedAt)) {
            // the store lost the run (a crash or an emulator between writes): the job carries all it needs, so the
            // run is written again and synced, never dropped
            LOG.warn("run missing; re-materialised from the job", "run_id", job.runId());
            start = runs.start(job.runId(), startedAt);
        }
        if (start.isEmpty()) {
            LOG.info("run already done; nothing to do", "run_id", job.runId());
            return true;
        }
        RunStart started = start.get();
        RunOutcome outcome;
        try {
            outcome = switch (job.event()) {
                case INVOICE_CREATED -> invoices.sync(job, started.run(), startedAt);
                case INVOICE_PAID -> payments.sync(job, started.run(), startedAt);
                case CREDITMEMO_CREATED -> creditMemos.sync(job, started.run(), startedAt);
                case CUSTOMER_UPSERTED -> customers.sync(job, startedAt);
                case PRODUCT_UPSERTED -> products.sync(job, startedAt);
            };
        } catch (SyncFailure failure) {
            if (failure.isRetryable()) {
                retryOrGiveUp(job, started, failure, startedAt);
                return true;
            }
            outcome = RunOutcome.failed(failure.errorClass(), failure.reason(), startedAt, clock.instant())
                    .withWarnings(failure.warnings());
        }
        // read now, on this thread: a payment's chip shows its invoice as the xrefs stand after this job
        SyncStateUpdate update = pushUpdate(job, outcome);
        RunOutcome finished = outcome;
        lane.submit(job.runId(), () -> complete(job, finished, update));
        return true;
    }

    /**
     * Runs one record from the delayed-retry queue: its delay is over, so the job goes back into the tenant's FIFO
     * group with a fresh enqueue count taken atomically from the run (never {@code job.enqueueCount() + 1} unstored:
     * a later re-queue would reuse that de-duplication id within SQS's 5 minutes and be silently dropped).
     */
    public boolean forwardRetry(SyncJob job) {
        Instant now = clock.instant();
        Optional<SyncRun> next = runs.nextEnqueue(job.runId(), null, now);
        if (next.isEmpty() && runs.restore(job, now)) {
            LOG.warn("run missing; re-materialised from the retry job", "run_id", job.runId());
            next = runs.nextEnqueue(job.runId(), null, now);
        }
        if (next.isEmpty()) {
            LOG.info("retry not forwarded: run already finished", "run_id", job.runId());
            return true;
        }
        int count = next.get().enqueueCount();
        syncQueue.enqueue(job.withEnqueueCount(count));
        runs.markEnqueued(job.runId(), count);
        return true;
    }

    private void retryOrGiveUp(SyncJob job, RunStart started, SyncFailure failure, Instant startedAt) {
        int attempt = started.attemptInCycle();
        if (attempt >= settings.maxAttempts()) {
            LOG.warn("retries exhausted; run failed and job dead-lettered", "run_id", job.runId(),
                    "error_class", failure.errorClass().wireName(), "attempts", attempt);
            RunOutcome failed = RunOutcome.failed(failure.errorClass(), failure.reason(), startedAt, clock.instant());
            SyncStateUpdate update = pushUpdate(job, failed);
            // after any write this attempt queued, and the dead letter only once the failure is recorded
            lane.submit(job.runId(), () -> {
                complete(job, failed, update);
                retries.deadLetter(job);
            });
            return;
        }
        LOG.info("transient failure; retrying later", "run_id", job.runId(), "error_class",
                failure.errorClass().wireName(), "attempt", attempt);
        runs.recordRetry(job.runId(), failure.errorClass(), failure.reason(), clock.instant());
        retries.retryLater(job, settings.delayAfter(attempt));
    }

    /**
     * Push first, then the terminal status: if the status write fails the message is redelivered and the push
     * repeated (harmless, Magento overwrites its row); the reverse order could lose the push for good.
     */
    private void complete(SyncJob job, RunOutcome outcome, SyncStateUpdate update) {
        pushQueue.enqueue(new PushJob(job.runId(), job.event(), update));
        runs.finish(job.runId(), outcome);
        LOG.info("run finished", "run_id", job.runId(), "status", outcome.status().wireName(),
                "error_class", outcome.errorClass() == null ? null : outcome.errorClass().wireName(),
                // reasons are codes (skip reason, "sage_validation: RecordInvalid@line_items.tax_rate_id", ...),
                // never data: operators need them to see why a run failed
                "reason", outcome.reason(),
                "duration_ms", outcome.duration().toMillis());
        if (!outcome.warnings().isEmpty()) {
            LOG.warn("mapping warnings", "run_id", job.runId(), "warnings", String.join(",", outcome.warnings()));
        }
        if (outcome.reconciliation() != null) {
            LOG.error("sage document does not match magento", "run_id", job.runId(), "sage_id", outcome.sageId(),
                    "code", RunOutcome.RECONCILIATION_MISMATCH, "mismatch", outcome.reconciliation());
        }
    }

    /** The chip for this outcome; {@link Outcomes} owns the rules (including the shared invoice row). */
    private SyncStateUpdate pushUpdate(SyncJob job, RunOutcome o) {
        Xref invoiceInSage = job.event() == EventName.INVOICE_PAID
                ? xrefs.find(Xref.invoiceKey(job.magentoEntityId())).orElse(null)
                : null;
        return Outcomes.toUpdate(job.event(), job.magentoEntityId(), o, invoiceInSage);
    }
}
