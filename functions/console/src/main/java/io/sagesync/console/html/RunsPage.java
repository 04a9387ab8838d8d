package io.sagesync.console.html;

import static io.sagesync.console.html.Html.esc;

import io.sagesync.domain.EventName;
import io.sagesync.domain.RunRecord;
import io.sagesync.domain.RunStatus;
import java.time.LocalDate;
import java.util.List;

/** The run list with its filters (status, event, day) and the dead-letter Redrive. */
public final class RunsPage {
    private RunsPage() {
    }

    /** @param status null = any; @param event null = any */
    public static String render(List<RunRecord> runs, LocalDate day, RunStatus status, EventName event,
                                int deadLettered, String notice, String csrf) {
        StringBuilder b = new StringBuilder(Html.notice("ok", notice));
        b.append("<form method=\"get\" action=\"/dashboard/runs\" class=\"filters\" aria-label=\"Filter runs\">")
                .append("<label for=\"day\">Day (UTC)</label><input id=\"day\" name=\"day\" type=\"date\" value=\"")
                .append(day).append("\">")
                .append("<label for=\"status\">Status</label><select id=\"status\" name=\"status\">")
                .append(option("", "any", status == null));
        for (RunStatus s : RunStatus.values()) {
            b.append(option(s.wireName(), s.wireName(), s == status));
        }
        b.append("</select><label for=\"event\">Event</label><select id=\"event\" name=\"event\">")
                .append(option("", "any", event == null));
        for (EventName e : EventName.values()) {
            b.append(option(e.wireName(), e.wireName(), e == event));
        }
        b.append("</select><button type=\"submit\">Show</button></form>");
        b.append("<table><caption>").append(runs.size()).append(runs.size() == 1 ? " run" : " runs")
                .append(" on ").append(day).append("</caption><thead><tr><th scope=\"col\">Created</th>")
                .append("<th scope=\"col\">Event</th><th scope=\"col\">Magento id</th><th scope=\"col\">Status</th>")
                .append("<th scope=\"col\">Sage reference</th><th scope=\"col\">Why</th></tr></thead><tbody>");
        for (RunRecord r : runs) {
            var run = r.run();
            b.append("<tr><td><a href=\"/dashboard/runs/").append(esc(run.runId())).append("\">")
                    .append(esc(time(run.createdAt().toString()))).append("</a></td><td>")
                    .append(esc(run.event().wireName())).append("</td><td>").append(run.magentoEntityId())
                    .append("</td><td>").append(Html.badge(run.status().wireName())).append("</td><td>")
                    .append(esc(run.sageReference())).append("</td><td>")
                    .append(esc(run.status() == RunStatus.FAILED || run.status() == RunStatus.SKIPPED
                            ? Reasons.summary(run) : "")).append("</td></tr>");
        }
        if (runs.isEmpty()) {
            b.append("<tr><td colspan=\"6\">No runs match.</td></tr>");
        }
        b.append("</tbody></table>");
        b.append("<section class=\"card\" aria-labelledby=\"dlq\"><h2 id=\"dlq\">Dead-lettered jobs</h2><p>")
                .append(deadLettered).append(deadLettered == 1 ? " job is" : " jobs are")
                .append(" waiting in the sync dead-letter queue (jobs that failed to be processed five times).</p>");
        if (deadLettered > 0) {
            b.append("<form method=\"post\" action=\"/dashboard/redrive\">").append(Html.csrfField(csrf))
                    .append("<button type=\"submit\">Redrive</button></form>");
        }
        b.append("</section>");
        return Html.page("Runs", "runs", csrf, b.toString());
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + esc(value) + "\"" + (selected ? " selected" : "") + ">" + esc(label)
                + "</option>";
    }

    static String time(String iso) {
        return iso.length() >= 19 ? iso.substring(0, 19).replace('T', ' ') : iso;
    }
}
