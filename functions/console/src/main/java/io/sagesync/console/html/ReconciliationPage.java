package io.sagesync.console.html;

import static io.sagesync.console.html.Html.esc;

import io.sagesync.application.console.Reconciliation;
import io.sagesync.domain.DocumentTotals;
import io.sagesync.domain.RunRecord;
import io.sagesync.port.DailyTotals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Money per document date (Magento against Sage, per currency, disagreeing documents linked to their runs), then
 * per day received: Magento documents accepted against what reached Sage.
 */
public final class ReconciliationPage {
    private ReconciliationPage() {
    }

    /** @param last the newest document date of the money table */
    public static String render(LocalDate last, List<Reconciliation.MoneyDay> money, List<Reconciliation.Day> days,
                                String csrf) {
        StringBuilder b = new StringBuilder();
        money(b, last, money);
        b.append("<h2>Documents by day received</h2><p>Invoices and credit memos by the UTC day Magento sent them. ")
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
        b.append("</tbody></table>");
        return Html.page("Reconciliation", "reconciliation", csrf, b.toString());
    }

    private static void money(StringBuilder b, LocalDate last, List<Reconciliation.MoneyDay> money) {
        b.append("<h2>Money by document date</h2><p>Magento's grand totals against the totals Sage holds for the ")
                .append("same documents, by the date on the document, per currency. A document more than a penny ")
                .append("apart is listed under Mismatches with a link to its run.</p>")
                .append("<form method=\"get\" action=\"/dashboard/reconciliation\" class=\"filters\" ")
                .append("aria-label=\"Choose the days\"><label for=\"day\">Seven days ending</label>")
                .append("<input id=\"day\" name=\"day\" type=\"date\" value=\"").append(last)
                .append("\"><button type=\"submit\">Show</button></form>")
                .append("<table id=\"money\"><caption>").append(money.size()).append(" days ending ")
                .append(last).append("</caption><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Documents</th>")
                .append("<th scope=\"col\">Currency</th><th scope=\"col\">Magento total</th>")
                .append("<th scope=\"col\">Sage total</th><th scope=\"col\">Difference</th>")
                .append("<th scope=\"col\">Mismatches</th></tr></thead><tbody>");
        for (Reconciliation.MoneyDay day : money) {
            if (day.totals().isEmpty()) {
                b.append("<tr><th scope=\"row\">").append(day.date())
                        .append("</th><td colspan=\"6\">no documents posted</td></tr>");
                continue;
            }
            int rows = day.totals().size();
            for (int i = 0; i < rows; i++) {
                Reconciliation.Money m = day.totals().get(i);
                b.append("<tr>");
                if (i == 0) {
                    b.append("<th scope=\"row\" rowspan=\"").append(rows).append("\">").append(day.date())
                            .append("</th>");
                }
                b.append("<td>").append(m.documents()).append(' ').append(kind(m.kind(), m.documents()))
                        .append("</td><td>").append(esc(m.currency())).append("</td><td class=\"num\">")
                        .append(amount(m.magentoTotal())).append("</td><td class=\"num\">")
                        .append(amount(m.sageTotal())).append("</td><td class=\"num\">")
                        .append(m.difference().signum() == 0 ? "0.00" : "<strong>" + amount(m.difference())
                                + "</strong>").append("</td>");
                if (i == 0) {
                    b.append("<td rowspan=\"").append(rows).append("\">");
                    mismatches(b, day.mismatches());
                    b.append("</td>");
                }
                b.append("</tr>");
            }
        }
        b.append("</tbody></table>");
    }

    private static void mismatches(StringBuilder b, List<DailyTotals.Entry> mismatches) {
        if (mismatches.isEmpty()) {
            b.append("none");
            return;
        }
        b.append("<ul class=\"mismatches\">");
        for (DailyTotals.Entry e : mismatches) {
            DocumentTotals t = e.totals();
            b.append("<li><a href=\"/dashboard/runs/").append(esc(e.runId())).append("\">")
                    .append(kind(t.kind(), 1)).append(": Magento ").append(esc(t.currency())).append(' ')
                    .append(amount(t.magentoTotal())).append(", Sage ")
                    .append(t.sageTotal() == null ? "no total" : amount(t.sageTotal())).append("</a></li>");
        }
        b.append("</ul>");
    }

    private static String kind(DocumentTotals.Kind kind, int count) {
        String word = kind == DocumentTotals.Kind.INVOICE ? "invoice" : "credit note";
        return count == 1 ? word : word + "s";
    }

    private static String amount(BigDecimal value) {
        return esc(value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
    }
}
