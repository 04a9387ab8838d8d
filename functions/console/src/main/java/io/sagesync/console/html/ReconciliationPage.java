package io.sagesync.console.html;

import static io.sagesync.console.html.Html.esc;

import io.sagesync.application.console.Reconciliation;
import io.sagesync.domain.RunRecord;
import java.util.List;

/** Per day: Magento documents accepted against what reached Sage, and the runs whose totals disagree. */
public final class ReconciliationPage {
    private ReconciliationPage() {
    }

    public static String render(List<Reconciliation.Day> days, String csrf) {
        StringBuilder b = new StringBuilder("<p>Invoices and credit memos by the UTC day Magento sent them. ")
                .append("Every Magento document is one run; a document is in Sage when its run succeeded.</p>")
                .append("<table><caption>Last ").append(days.size()).append(" days</caption><thead><tr>")
                .append("<th scope=\"col\">Day</th><th scope=\"col\">Magento documents</th>")
                .append("<th scope=\"col\">In Sage</th><th scope=\"col\">Skipped by policy</th>")
                .append("<th scope=\"col\">Failed</th><th scope=\"col\">Pending</th>")
                .append("<th scope=\"col\">Total mismatches</th></tr></thead><tbody>");
        for (Reconciliation.Day d : days) {
            b.append("<tr><th scope=\"row\"><a href=\"/dashboard/runs?day=").append(d.day()).append("\">")
                    .append(d.day()).append("</a></th><td>").append(d.documents()).append("</td><td>")
                    .append(d.inSage()).append("</td><td>").append(d.skipped()).append("</td><td>");
            if (d.failed() > 0) {
                b.append("<a href=\"/dashboard/runs?status=failed&amp;day=").append(d.day()).append("\">")
                        .append(d.failed()).append("</a>");
            } else {
                b.append('0');
            }
            b.append("</td><td>").append(d.pending()).append("</td><td>");
            for (RunRecord r : d.mismatches()) {
                b.append("<a href=\"/dashboard/runs/").append(esc(r.run().runId())).append("\">")
                        .append(esc(r.run().sageReference() == null ? r.run().runId() : r.run().sageReference()))
                        .append("</a> ");
            }
            b.append(d.mismatches().isEmpty() ? "none" : "").append("</td></tr>");
        }
        b.append("</tbody></table><p class=\"hint\">Not shown yet: money totals per day (Magento grand totals ")
                .append("against Sage totals, per VAT rate). Runs record whether Sage's total matched ")
                .append("(<code>total_mismatch</code>) but not the amounts; once runs carry them, this table adds ")
                .append("the two columns.</p>");
        return Html.page("Reconciliation", "reconciliation", csrf, b.toString());
    }
}
