package io.sagesync.console.html;

import static io.sagesync.console.html.Html.esc;

import io.sagesync.domain.EventName;
import io.sagesync.domain.RunGauge;
import io.sagesync.domain.RunRecord;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import java.time.LocalDate;
import java.util.List;

/** The run list with its filters (status, event, day) and the dead-letter Redrive. */
public final class RunsPage {
    private RunsPage() {
    }

    /** @param waiting jobs in the sync dead-letter queue; @param head the first of them (a FIFO shows no more) */
    public record DeadLettered(int waiting, List<SyncJob> head) {
    }

    /** @param status null = any; @param event null = any */
    public static String render(List<RunRecord> runs, LocalDate day, RunStatus status, EventName event,
                                DeadLettered deadLettered, RunGauge tile, String notice, String csrf) {
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
        if (status == RunStatus.SKIPPED && runs.stream().anyMatch(r -> r.replayedAs() == null)) {
            b.append("<form method=\"post\" action=\"/dashboard/replay\" class=\"inline\">")
                    .append(Html.csrfField(csrf)).append("<input type=\"hidden\" name=\"day\" value=\"")
                    .append(day).append("\"><button type=\"submit\">Replay the skipped runs of ").append(day)
                    .append("</button> <span class=\"hint\">Each run gets a fresh run processed by today's worker "
                            + "and settings; runs of events still not supported are left alone.</span></form>");
        }
        deadLetters(b, deadLettered, csrf);
        tile(b, tile, csrf);
        return Html.page("Runs", "runs", csrf, b.toString());
    }

    /** What Magento's dashboard tile shows, and the repair that rebuilds it from the runs. */
    private static void tile(StringBuilder b, RunGauge tile, String csrf) {
        b.append("<section class=\"card\" aria-labelledby=\"tile\"><h2 id=\"tile\">Magento dashboard tile</h2>")
                .append("<p id=\"tile-figures\">Pending: ").append(tile.pendingCount()).append(" · failed in 24 h: ")
                .append(tile.failed24h()).append(" · last run: ")
                .append(tile.lastRunAt() == null ? "none" : esc(time(tile.lastRunAt().toString())) + " UTC")
                .append("</p><form method=\"post\" action=\"/dashboard/gauges/recount\">")
                .append(Html.csrfField(csrf)).append("<button type=\"submit\">Recount from the runs</button> ")
                .append("<span class=\"hint\">If the tile disagrees with this list (a figure kept while runs ")
                .append("changed), this rebuilds it from the runs themselves.</span></form></section>");
    }

    private static void deadLetters(StringBuilder b, DeadLettered dead, String csrf) {
        int waiting = dead.waiting();
        b.append("<section class=\"card\" aria-labelledby=\"dlq\"><h2 id=\"dlq\">Dead-lettered jobs</h2><p>")
                .append(waiting).append(waiting == 1 ? " job is" : " jobs are")
                .append(" waiting in the sync dead-letter queue (jobs that failed to be processed five times).</p>");
        if (!dead.head().isEmpty()) {
            b.append("<table><caption>The first ").append(dead.head().size())
                    .append(" in the queue</caption><thead><tr><th scope=\"col\">Run</th><th scope=\"col\">Event</th>")
                    .append("<th scope=\"col\">Magento id</th><th scope=\"col\">Action</th></tr></thead><tbody>");
            for (SyncJob job : dead.head()) {
                b.append("<tr><td><a href=\"/dashboard/runs/").append(esc(job.runId())).append("\">")
                        .append(esc(job.runId())).append("</a></td><td>").append(esc(job.event().wireName()))
                        .append("</td><td>").append(job.magentoEntityId()).append("</td><td><form method=\"post\" ")
                        .append("action=\"/dashboard/runs/").append(esc(job.runId())).append("/redrive\">")
                        .append(Html.csrfField(csrf)).append("<button type=\"submit\" aria-label=\"Redrive run ")
                        .append(esc(job.runId())).append("\">Redrive this job</button></form></td></tr>");
            }
            b.append("</tbody></table>");
        }
        if (waiting > 0 || !dead.head().isEmpty()) {
            b.append("<form method=\"post\" action=\"/dashboard/redrive\">").append(Html.csrfField(csrf))
                    .append("<button type=\"submit\">Redrive all</button></form>");
        }
        b.append("</section>");
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + esc(value) + "\"" + (selected ? " selected" : "") + ">" + esc(label)
                + "</option>";
    }

    static String time(String iso) {
        return iso.length() >= 19 ? iso.substring(0, 19).replace('T', ' ') : iso;
    }
}
