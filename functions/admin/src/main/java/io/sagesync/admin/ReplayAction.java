package io.sagesync.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.application.ReplaySkippedRuns;
import io.sagesync.domain.EventName;
import io.sagesync.domain.ReplayFilter;
import io.sagesync.domain.RunStatus;
import io.sagesync.log.JsonLog;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The admin {@code replay} action: {@code {"action":"replay", "dry_run":true, "events":["creditmemo.created"],
 * "status":"skipped", "reason":"event_not_supported", "from":"2026-05-01T00:00:00Z", "to":"…"}}. Every filter is
 * optional (defaults: skipped as {@code event_not_supported}, any event, any time); {@code dry_run} defaults to
 * true, so an operator always sees the count before anything is replayed. Progress goes to the log every 10 runs.
 */
final class ReplayAction {
    private static final JsonLog LOG = JsonLog.of(ReplayAction.class);
    private static final int PROGRESS_EVERY = 10;

    private final ReplaySkippedRuns replay;

    ReplayAction(ReplaySkippedRuns replay) {
        this.replay = replay;
    }

    void handle(JsonNode request, ObjectNode out) {
        ReplayFilter filter = filter(request);
        boolean dryRun = request.path("dry_run").asBoolean(true);
        ReplaySkippedRuns.Report report = dryRun ? replay.dryRun(filter) : replay.replay(filter, p -> {
            if (p.done() % PROGRESS_EVERY == 0 || p.done() == p.total()) {
                LOG.info("replay progress", "done", p.done(), "total", p.total());
            }
        });
        out.put("dry_run", report.dryRun()).put("matched", report.matched())
                .put("unsupported", report.unsupported()).put("replayable", report.replayable())
                .put("replayed", report.replayed())
                .put("message", dryRun ? report.replayable() + " run(s) would be replayed; send dry_run=false to"
                        + " replay them" : report.replayed() + " run(s) replayed; the sync worker processes them now");
    }

    static ReplayFilter filter(JsonNode request) {
        Set<EventName> events = EnumSet.noneOf(EventName.class);
        for (JsonNode e : request.path("events")) {
            events.add(EventName.fromWire(e.asText()).orElseThrow(() ->
                    new AdminException("invalid_filter", "unknown event " + e.asText())));
        }
        RunStatus status;
        try {
            status = RunStatus.fromWire(request.path("status").asText("skipped"));
        } catch (IllegalArgumentException e) {
            throw new AdminException("invalid_filter", "status must be skipped, failed or succeeded");
        }
        String reason = request.has("reason") ? (request.get("reason").isNull() ? null
                : request.get("reason").asText()) : ReplayFilter.EVENT_NOT_SUPPORTED;
        try {
            return new ReplayFilter(events, status, reason, instant(request, "from"), instant(request, "to"));
        } catch (IllegalArgumentException e) {
            throw new AdminException("invalid_filter", e.getMessage());
        }
    }

    private static Instant instant(JsonNode request, String field) {
        JsonNode v = request.path(field);
        if (!v.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new AdminException("invalid_filter",
                    field + " must be an ISO-8601 instant, e.g. 2026-05-01T00:00:00Z");
        }
    }
}
