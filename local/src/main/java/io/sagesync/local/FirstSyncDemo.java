package io.sagesync.local;

import io.sagesync.adapter.dynamodb.DynamoDbXrefStore;
import io.sagesync.domain.Xref;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.magento.MagentoOutbox;
import io.sagesync.simulator.magento.OutboxRow;
import io.sagesync.simulator.sage.SageSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Byte8 docs' "first sync" story, run against the local pipeline and timed: the simulated Magento raises an
 * invoice and its outbox row is drained (signed POST with Idempotency-Key), the webhook answers 202, the worker
 * fetches the canonical invoice, resolves the contact, posts to Sage, stores the cross-reference, and the sync-state
 * push flips Magento's chip to Synced. Every figure is measured in this run: Sage steps from the simulator's request
 * log, the others by watching Magento's request counter, the table and the mirror row.
 *
 * <p>In a real shop the outbox is drained by a cron job every minute; here the drain runs at once, so the total is
 * sagesync's own latency from "Submit Invoice" to "Synced".
 */
final class FirstSyncDemo {
    /** One timeline row: what happened and when, relative to "Submit Invoice". */
    record Step(String name, double atMillis) {
    }

    /** The measured timeline, or the reason it could not complete. */
    record Timeline(List<Step> steps, boolean synced, String chip) {
        double totalMillis() {
            return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).atMillis();
        }
    }

    private FirstSyncDemo() {
    }

    static Timeline run(LocalPipeline pipeline, long invoiceId, Duration timeout) {
        SageSimulator sage = pipeline.sage;
        var magento = pipeline.magento;
        var xrefs = new DynamoDbXrefStore(pipeline.aws.adminClients().dynamoDb(), pipeline.config.tableName(),
                Clock.systemUTC());
        String path = "invoice/" + invoiceId;
        int getsBefore = magento.requestCount(path);
        int sageLogBefore = sage.requestLog().size();
        List<Step> steps = new ArrayList<>();

        Instant submitted = Instant.now();
        long t0 = System.nanoTime();
        magento.putInvoice(invoiceId, CanonicalInvoices.gbpRegistered(invoiceId));
        var outbox = new MagentoOutbox(magento);
        outbox.raise("invoice.created", invoiceId, 1, 1, Map.of("increment_id", String.format("%09d", invoiceId),
                "paid", true));
        steps.add(new Step("Submit Invoice: outbox row + pending chip written", ms(t0)));
        List<OutboxRow> drained = outbox.drain(pipeline.apiUrl());
        steps.add(new Step("outbox drained: signed POST, Idempotency-Key -> HTTP "
                + drained.get(0).lastStatusCode(), ms(t0)));

        long deadline = System.nanoTime() + timeout.toNanos();
        Double fetched = waitFor(t0, deadline, () -> magento.requestCount(path) > getsBefore);
        add(steps, "worker fetched the canonical invoice (GET /rest/V1/byte8/invoice)", fetched);
        Double posted = waitFor(t0, deadline, () -> sageRequest(sage, sageLogBefore, "POST", "/sales_invoices")
                .isPresent());
        Optional<SageSimulator.RecordedRequest> contact = sageRequest(sage, sageLogBefore, "POST", "/contacts")
                .or(() -> sageRequest(sage, sageLogBefore, "GET", "/contacts"));
        contact.ifPresent(c -> steps.add(new Step("contact resolved (Sage " + c.method() + " /contacts)",
                between(submitted, c.at(), t0))));
        sageRequest(sage, sageLogBefore, "POST", "/sales_invoices").ifPresent(r -> steps.add(new Step(
                "Sage POST /sales_invoices -> " + r.status(), between(submitted, r.at(), t0))));
        if (posted == null) {
            return new Timeline(steps, false, chip(pipeline, invoiceId));
        }
        Double stored = waitFor(t0, deadline, () -> xrefs.find(Xref.invoiceKey(invoiceId)).isPresent());
        add(steps, "cross-reference stored (invoice -> Sage id)", stored);
        Double synced = waitFor(t0, deadline, () -> "synced".equals(chip(pipeline, invoiceId)));
        add(steps, "sync-state pushed: chip = synced", synced);
        steps.sort((a, b) -> Double.compare(a.atMillis(), b.atMillis()));
        return new Timeline(steps, synced != null, chip(pipeline, invoiceId));
    }

    static void print(Timeline timeline, long invoiceId, String title) {
        System.out.println();
        System.out.println(title + ": invoice " + String.format("%09d", invoiceId)
                + " (GBP, registered customer, configurable + virtual item, 10.00 discount, paid by card)");
        System.out.printf("  %-72s %10s %10s%n", "step", "at (ms)", "step (ms)");
        double previous = 0;
        for (Step s : timeline.steps()) {
            System.out.printf("  %-72s %10.1f %10.1f%n", s.name(), s.atMillis(), s.atMillis() - previous);
            previous = s.atMillis();
        }
        if (timeline.synced()) {
            System.out.printf("  %-72s %10.1f%n", "total: \"Submit Invoice\" -> \"Synced\"", timeline.totalMillis());
        } else {
            System.out.println("  did not reach Synced; chip is " + timeline.chip() + " (see the logs above)");
        }
        System.out.println();
    }

    private static String chip(LocalPipeline pipeline, long invoiceId) {
        return pipeline.magento.syncState("invoice", invoiceId).map(r -> r.syncStatus()).orElse("none");
    }

    static Optional<SageSimulator.RecordedRequest> sageRequest(SageSimulator sage, int from, String method,
                                                                        String pathPrefix) {
        List<SageSimulator.RecordedRequest> log = sage.requestLog();
        return log.subList(Math.min(from, log.size()), log.size()).stream()
                .filter(r -> r.method().equals(method) && r.path().contains(pathPrefix)).findFirst();
    }

    private static void add(List<Step> steps, String name, Double at) {
        if (at != null) {
            steps.add(new Step(name, at));
        }
    }

    /** Polls every 2 ms; returns when the condition first held (ms since t0), or null on timeout. */
    static Double waitFor(long t0, long deadline, Supplier<Boolean> condition) {
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return ms(t0);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    static double between(Instant submitted, Instant at, long t0) {
        return Duration.between(submitted, at).toNanos() / 1e6;
    }

    static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
