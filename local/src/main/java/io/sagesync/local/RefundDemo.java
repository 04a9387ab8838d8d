package io.sagesync.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagesync.simulator.magento.CanonicalCreditMemos;
import io.sagesync.simulator.magento.MagentoOutbox;
import io.sagesync.simulator.magento.OutboxRow;
import io.sagesync.simulator.sage.SageSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The walkthrough's refund, after the first sync: Magento saves a credit memo for the synced invoice (gift wrap and
 * shipping back, 18.00), the outbox posts {@code creditmemo.created}, the worker posts a Sage credit note and
 * settles it (an allocation against what the invoice still owes, or a customer refund when sagesync synced a
 * receipt), and the memo's chip flips to Synced. Timed like {@link FirstSyncDemo}; the balances printed are Sage's.
 */
final class RefundDemo {
    /** The timeline, whether the chip reached synced, and Sage's balances afterwards. */
    record Result(List<FirstSyncDemo.Step> steps, boolean synced, String chip, String invoiceOutstanding,
                  String creditNoteTotal, String creditNoteOutstanding) {
    }

    private RefundDemo() {
    }

    static Result run(LocalPipeline pipeline, long memoId, long invoiceId, Duration timeout) {
        SageSimulator sage = pipeline.sage;
        var magento = pipeline.magento;
        int sageLogBefore = sage.requestLog().size();
        int notesBefore = sage.creditNotes().size();
        List<FirstSyncDemo.Step> steps = new ArrayList<>();
        Instant saved = Instant.now();
        long t0 = System.nanoTime();
        magento.putCreditMemo(memoId, CanonicalCreditMemos.builder(memoId).invoice(invoiceId,
                String.format("%09d", invoiceId), "2026-04-30T10:11:12Z").build());
        var outbox = new MagentoOutbox(magento);
        outbox.raise("creditmemo.created", memoId, 1, 1, Map.of("increment_id", String.format("%09d", memoId)));
        steps.add(new FirstSyncDemo.Step("Refund saved: credit memo outbox row + pending chip", FirstSyncDemo.ms(t0)));
        List<OutboxRow> drained = outbox.drain(pipeline.apiUrl());
        steps.add(new FirstSyncDemo.Step("outbox drained: signed POST creditmemo.created -> HTTP "
                + drained.get(0).lastStatusCode(), FirstSyncDemo.ms(t0)));
        long deadline = System.nanoTime() + timeout.toNanos();
        Double synced = FirstSyncDemo.waitFor(t0, deadline, () -> "synced".equals(chip(pipeline, memoId)));
        for (String[] call : new String[][] {{"POST", "/sales_credit_notes", "Sage POST /sales_credit_notes"},
                {"POST", "/contact_allocations", "settled: Sage POST /contact_allocations (against the invoice)"},
                {"POST", "/contact_payments", "settled: Sage POST /contact_payments (CUSTOMER_REFUND)"}}) {
            FirstSyncDemo.sageRequest(sage, sageLogBefore, call[0], call[1]).ifPresent(r -> steps.add(
                    new FirstSyncDemo.Step(call[2] + " -> " + r.status(), FirstSyncDemo.between(saved, r.at(), t0))));
        }
        if (synced != null) {
            steps.add(new FirstSyncDemo.Step("sync-state pushed: creditmemo chip = synced", synced));
        }
        steps.sort((a, b) -> Double.compare(a.atMillis(), b.atMillis()));
        JsonNode invoice = sage.invoices().isEmpty() ? null : sage.invoices().get(0);
        JsonNode note = sage.creditNotes().size() > notesBefore ? sage.creditNotes().get(notesBefore) : null;
        return new Result(steps, synced != null, chip(pipeline, memoId),
                invoice == null ? "-" : invoice.path("outstanding_amount").asText(),
                note == null ? "-" : note.path("total_amount").asText(),
                note == null ? "-" : note.path("outstanding_amount").asText());
    }

    static void print(Result r, long memoId) {
        System.out.println();
        System.out.println("refund: credit memo " + String.format("%09d", memoId)
                + " (gift wrap and shipping back, 18.00 incl. VAT) against the invoice above");
        System.out.printf("  %-72s %10s%n", "step", "at (ms)");
        r.steps().forEach(s -> System.out.printf("  %-72s %10.1f%n", s.name(), s.atMillis()));
        if (!r.synced()) {
            System.out.println("  did not reach Synced; chip is " + r.chip() + " (see the logs above)");
        }
        System.out.println("  Sage afterwards: credit note " + r.creditNoteTotal() + " (still open "
                + r.creditNoteOutstanding() + "), invoice still owed " + r.invoiceOutstanding());
        System.out.println();
    }

    private static String chip(LocalPipeline pipeline, long memoId) {
        return pipeline.magento.syncState("creditmemo", memoId).map(s -> s.syncStatus()).orElse("none");
    }
}
