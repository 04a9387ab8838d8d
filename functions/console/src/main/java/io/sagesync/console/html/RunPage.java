package io.sagesync.console.html;

import static io.sagesync.console.html.Html.esc;

import io.sagesync.domain.DocumentTotals;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.RunRecord;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;

/** One run: its steps, its Sage document (linked into Sage), and for a failure the reason and Retry. */
public final class RunPage {
    private RunPage() {
    }

    /** @param sageAppUrl base of the Sage web app, for links to the posted document */
    /** @param replayable whether the run gets the Replay button (a skipped run of a supported event) */
    public static String render(RunRecord record, String sageAppUrl, String notice, String csrf,
                                boolean replayable) {
        SyncRun run = record.run();
        StringBuilder b = new StringBuilder(Html.notice("ok", notice));
        b.append("<dl class=\"facts\">");
        fact(b, "Run id", esc(run.runId()));
        fact(b, "Event", esc(run.event().wireName()) + " for Magento " + esc(run.event().entityType().wireName())
                + " " + run.magentoEntityId());
        fact(b, "Status", Html.badge(run.status().wireName()));
        fact(b, "Attempts", Integer.toString(run.attempts()));
        if (run.sageId() != null) {
            fact(b, "Sage document", "<a href=\"" + esc(sageLink(sageAppUrl, run)) + "\" rel=\"noopener\" "
                    + "target=\"_blank\">" + esc(run.sageReference() == null ? run.sageId() : run.sageReference())
                    + "</a> <span class=\"hint\">(" + esc(run.sageId()) + ")</span>");
        }
        DocumentTotals totals = record.totals();
        if (totals != null) {
            fact(b, "Totals", "Magento " + esc(totals.currency()) + " " + esc(totals.magentoTotal().toPlainString())
                    + ", Sage " + (totals.sageTotal() == null ? "reported no total"
                            : esc(totals.currency()) + " " + esc(totals.sageTotal().toPlainString()))
                    + " <span class=\"hint\">(document date " + esc(totals.date()) + ")</span>");
        }
        if (record.totalMismatch() || totals != null && totals.mismatch()) {
            fact(b, "Reconciliation", "Sage's total differs from Magento's grand total: check this document in "
                    + "Sage.");
        }
        b.append("</dl>");
        if (run.status() == RunStatus.FAILED) {
            b.append("<section class=\"card failure\" aria-labelledby=\"why\"><h2 id=\"why\">Why it failed</h2>")
                    .append("<p class=\"error-class\">Error class: <strong>")
                    .append(esc(run.errorClass() == null ? "unknown" : run.errorClass().wireName()))
                    .append("</strong></p><p class=\"reason\">")
                    .append(esc(run.errorClass() == null ? "" : Reasons.plain(run.errorClass()))).append("</p>")
                    .append("<p class=\"detail\">Detail: ").append(esc(run.reason())).append("</p>")
                    .append("<form method=\"post\" action=\"/dashboard/runs/").append(esc(run.runId()))
                    .append("/retry\">").append(Html.csrfField(csrf))
                    .append("<button type=\"submit\">Retry</button></form></section>");
        } else if (run.status() == RunStatus.SKIPPED) {
            b.append(Html.notice("ok", Reasons.skip(run.reason() == null ? "" : run.reason())));
            if (record.replayedAs() != null) {
                b.append("<p>Replayed as <a href=\"/dashboard/runs/").append(esc(record.replayedAs())).append("\">")
                        .append(esc(record.replayedAs())).append("</a>.</p>");
            } else if (replayable) {
                b.append("<form method=\"post\" action=\"/dashboard/runs/").append(esc(run.runId()))
                        .append("/replay\">").append(Html.csrfField(csrf))
                        .append("<button type=\"submit\">Replay</button> <span class=\"hint\">A fresh run syncs ")
                        .append("this Magento document with today's worker and settings; this run stays as it ")
                        .append("was.</span></form>");
            }
        }
        b.append("<h2>Steps</h2><ol class=\"steps\">");
        step(b, "Accepted from Magento", run.createdAt());
        if (record.lastTry() != null && !run.status().isTerminal()) {
            b.append("<li>Waiting for a retry after: ").append(esc(record.lastTry().errorClass())).append(" — ")
                    .append(esc(record.lastTry().reason())).append("</li>");
        }
        step(b, "Latest attempt started (attempt " + run.attempts() + ")", record.timeline().startedAt());
        step(b, "Finished: " + run.status().wireName()
                + (record.timeline().durationMs() == null ? "" : " in " + record.timeline().durationMs() + " ms"),
                record.timeline().finishedAt());
        if (record.timeline().pushStatus() != null) {
            b.append("<li>Outcome sent to Magento: ").append(esc(record.timeline().pushStatus()))
                    .append(record.timeline().pushedAt() == null ? ""
                            : " at " + esc(RunsPage.time(record.timeline().pushedAt().toString())))
                    .append("</li>");
        }
        b.append("</ol><p><a href=\"/dashboard/runs?day=").append(run.createdAt().toString(), 0, 10)
                .append("\">Back to runs</a></p>");
        return Html.page("Run " + run.event().wireName() + " " + run.magentoEntityId(), "runs", csrf, b.toString());
    }

    private static void fact(StringBuilder b, String term, String html) {
        b.append("<dt>").append(esc(term)).append("</dt><dd>").append(html).append("</dd>");
    }

    private static void step(StringBuilder b, String what, java.time.Instant at) {
        if (at != null) {
            b.append("<li>").append(esc(what)).append(" at ").append(esc(RunsPage.time(at.toString())))
                    .append(" UTC</li>");
        }
    }

    /** Sage's web app pages by document kind (the API id is the same id the web app uses). */
    static String sageLink(String base, SyncRun run) {
        EntityType type = run.event().entityType();
        String kind = switch (run.event()) {
            case INVOICE_PAID -> "contact_payments";
            default -> switch (type) {
                case INVOICE -> "invoicing/sales_invoices";
                case CREDITMEMO -> "invoicing/sales_credit_notes";
                case CUSTOMER -> "contacts/customers";
                case PRODUCT -> "products";
            };
        };
        return base + "/" + kind + "/" + run.sageId();
    }
}
