package io.sagesync.console;

import io.sagesync.application.RecountRunGauges;
import io.sagesync.application.ReplaySkippedRuns;
import io.sagesync.application.console.ConnectionStatus;
import io.sagesync.application.console.ConsoleRuns;
import io.sagesync.application.console.Reconciliation;
import io.sagesync.console.html.ConnectionPage;
import io.sagesync.console.html.Html;
import io.sagesync.console.html.ReconciliationPage;
import io.sagesync.console.html.RunPage;
import io.sagesync.console.html.RunsPage;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The signed-in console's routes: each reads its input, calls one use case and renders one page. */
final class ConsolePages {
    private static final String STYLESHEET = load();

    /** The Runs area's use cases: the runs themselves and the repair of the tile's gauges. */
    record Runs(ConsoleRuns runs, RecountRunGauges gauges) {
    }

    private final ConsoleRuns runs;
    private final RecountRunGauges gauges;
    private final Reconciliation reconciliation;
    private final ConnectionStatus connection;
    private final ConsoleSettingsRoutes settings;
    private final String sageAppUrl;

    ConsolePages(Runs runs, Reconciliation reconciliation, ConnectionStatus connection,
                 ConsoleSettingsRoutes settings, String sageAppUrl) {
        this.runs = Objects.requireNonNull(runs.runs());
        this.gauges = Objects.requireNonNull(runs.gauges());
        this.reconciliation = Objects.requireNonNull(reconciliation);
        this.connection = Objects.requireNonNull(connection);
        this.settings = Objects.requireNonNull(settings);
        this.sageAppUrl = Objects.requireNonNull(sageAppUrl);
    }

    String sageAuthorizeOrigin() {
        return settings.sageAuthorizeOrigin();
    }

    WebResponse handle(String method, String path, WebRequest r, String csrf, String notice) {
        String route = method + " " + path;
        if (route.equals("GET /dashboard")) {
            return WebResponse.html(200, ConnectionPage.render(connection.read(), notice, null, csrf));
        }
        if (route.equals("GET /dashboard/runs")) {
            LocalDate day = day(r.param("day"));
            RunStatus status = Arrays.stream(RunStatus.values()).filter(s -> s.wireName().equals(r.param("status")))
                    .findFirst().orElse(null);
            EventName event = EventName.fromWire(r.param("event") == null ? "" : r.param("event")).orElse(null);
            int waiting = runs.deadLettered();
            var deadLettered = new RunsPage.DeadLettered(waiting, waiting > 0 ? runs.deadLetteredHead() : List.of());
            return WebResponse.html(200, RunsPage.render(runs.list(new ConsoleRuns.Filter(day, status, event)), day,
                    status, event, deadLettered, gauges.current(), notice, csrf));
        }
        if (route.equals("POST /dashboard/gauges/recount")) {
            RecountRunGauges.Report report = gauges.recount();
            return WebResponse.seeOther("/dashboard/runs?notice=" + (report.more() ? "recounted_more" : "recounted")
                    + "&count=" + report.corrected());
        }
        if (route.equals("POST /dashboard/redrive")) {
            runs.redrive();
            return WebResponse.seeOther("/dashboard/runs?notice=redriven");
        }
        if (route.equals("POST /dashboard/replay")) {
            LocalDate day = day(r.form().get("day"));
            return WebResponse.seeOther("/dashboard/runs?status=skipped&day=" + day + "&notice=replayed_all&count="
                    + runs.replaySkipped(day));
        }
        if (path.startsWith("/dashboard/runs/")) {
            String rest = path.substring("/dashboard/runs/".length());
            if (method.equals("POST") && rest.endsWith("/retry")) {
                String runId = rest.substring(0, rest.length() - "/retry".length());
                return switch (runs.retry(runId)) {
                    case QUEUED -> WebResponse.seeOther("/dashboard/runs/" + runId + "?notice=retried");
                    case NOT_FAILED -> WebResponse.seeOther("/dashboard/runs/" + runId + "?notice=not_failed");
                    case NOT_FOUND -> notFound(csrf);
                };
            }
            if (method.equals("POST") && rest.endsWith("/replay")) {
                String runId = rest.substring(0, rest.length() - "/replay".length());
                ReplaySkippedRuns.RunReplay replayed = runs.replay(runId);
                return switch (replayed.result()) {
                    case REPLAYED -> WebResponse.seeOther("/dashboard/runs/" + replayed.replayRunId()
                            + "?notice=replayed");
                    case NOT_SKIPPED, UNSUPPORTED -> WebResponse.seeOther("/dashboard/runs/" + runId
                            + "?notice=not_replayable");
                    case NOT_FOUND -> notFound(csrf);
                };
            }
            if (method.equals("POST") && rest.endsWith("/redrive")) {
                String runId = rest.substring(0, rest.length() - "/redrive".length());
                return WebResponse.seeOther("/dashboard/runs/" + runId + "?notice="
                        + (runs.redriveRun(runId) ? "redriven_run" : "not_dead_lettered"));
            }
            if (method.equals("GET") && !rest.contains("/")) {
                return runs.find(rest).map(rec -> WebResponse.html(200, RunPage.render(rec, sageAppUrl, notice,
                        csrf, runs.replayable(rec)))).orElseGet(() -> notFound(csrf));
            }
        }
        if (route.equals("GET /dashboard/reconciliation")) {
            LocalDate last = day(r.param("day"));
            return WebResponse.html(200, ReconciliationPage.render(last, reconciliation.moneyDays(last, 7),
                    reconciliation.lastDays(7), csrf));
        }
        return settings.handle(route, r, csrf, notice).orElseGet(() -> notFound(csrf));
    }

    private static LocalDate day(String value) {
        try {
            return value == null ? LocalDate.now(java.time.ZoneOffset.UTC) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return LocalDate.now(java.time.ZoneOffset.UTC);
        }
    }

    private static WebResponse notFound(String csrf) {
        return WebResponse.html(404, Html.page("Not found", "connection", csrf, "<p>Nothing here.</p>"));
    }

    static String stylesheet() {
        return STYLESHEET;
    }

    private static String load() {
        try (InputStream in = ConsolePages.class.getResourceAsStream("/console/console.css")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
