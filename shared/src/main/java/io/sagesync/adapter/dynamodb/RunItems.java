package io.sagesync.adapter.dynamodb;

import io.sagesync.domain.DocumentTotals;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunRecord;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The run item ({@code RUN#<id>} / {@code RUN}) and its attribute mapping. While a run is {@code queued} or
 * {@code running} it carries {@link #ACTIVE} = {@value #ACTIVE_VALUE}, which puts it in the sparse
 * {@value #ACTIVE_INDEX} index (sort key {@code updated_at}) that the sweeper queries; a terminal write removes it.
 * {@link #record} reads the same item as the console's {@link RunRecord}, including the worker's and the push's fields.
 */
final class RunItems {
    static final String ACTIVE_INDEX = "ActiveRuns";
    static final String ACTIVE = "active";
    static final String ACTIVE_VALUE = "RUN";
    static final String UPDATED_AT = "updated_at";
    /** Set on a run the operator replayed: the replay run's id. */
    static final String REPLAYED_AS = "replayed_as";

    private RunItems() {
    }

    static Map<String, AttributeValue> runKey(String runId) {
        return Map.of(TableKeys.PK, s(TableKeys.RUN_PREFIX + runId), TableKeys.SK, s(TableKeys.RUN_SK));
    }

    static Map<String, AttributeValue> toItem(SyncRun run) {
        Map<String, AttributeValue> item = new HashMap<>(runKey(run.runId()));
        item.put("run_id", s(run.runId()));
        item.put("tenant_id", s(run.tenantId()));
        item.put("event", s(run.event().wireName()));
        item.put("entity_type", s(run.event().entityType().wireName()));
        item.put("magento_entity_id", n(run.magentoEntityId()));
        item.put("idempotency_key", s(run.idempotencyKey()));
        item.put("status", s(run.status().wireName()));
        item.put("attempts", n(run.attempts()));
        item.put("enqueue_count", n(run.enqueueCount()));
        item.put("enqueued", AttributeValue.fromBool(run.enqueued()));
        item.put("created_at", s(run.createdAt().toString()));
        item.put(UPDATED_AT, s(run.updatedAt().toString()));
        if (run.status() == RunStatus.QUEUED || run.status() == RunStatus.RUNNING) {
            item.put(ACTIVE, s(ACTIVE_VALUE));
        }
        putIfPresent(item, "error_class", run.errorClass() == null ? null : run.errorClass().wireName());
        putIfPresent(item, "reason", run.reason());
        putIfPresent(item, "sage_id", run.sageId());
        putIfPresent(item, "sage_reference", run.sageReference());
        putIfPresent(item, "reconciliation", run.reconciliation());
        if (!run.warnings().isEmpty()) {
            item.put("warnings", AttributeValue.fromL(run.warnings().stream().map(AttributeValue::fromS).toList()));
        }
        return item;
    }

    static SyncRun fromItem(Map<String, AttributeValue> item) {
        return new SyncRun(
                new SyncRun.Subject(
                        item.get("run_id").s(),
                        item.get("tenant_id").s(),
                        EventName.fromWire(item.get("event").s()).orElseThrow(),
                        Long.parseLong(item.get("magento_entity_id").n()),
                        item.get("idempotency_key").s()),
                new SyncRun.Progress(
                        RunStatus.fromWire(item.get("status").s()),
                        Integer.parseInt(item.get("attempts").n()),
                        Integer.parseInt(item.get("enqueue_count").n()),
                        Boolean.TRUE.equals(item.get("enqueued").bool()),
                        Instant.parse(item.get("created_at").s()),
                        Instant.parse(item.get(UPDATED_AT).s())),
                new SyncRun.Result(
                        optional(item, "error_class") == null ? null
                                : ErrorClass.valueOf(optional(item, "error_class").toUpperCase(Locale.ROOT)),
                        optional(item, "reason"),
                        optional(item, "sage_id"),
                        optional(item, "sage_reference"),
                        optional(item, "reconciliation"),
                        item.containsKey("warnings") && item.get("warnings").hasL()
                                ? item.get("warnings").l().stream().map(AttributeValue::s).toList() : List.of()));
    }

    static RunRecord record(Map<String, AttributeValue> item) {
        var timeline = new RunRecord.Timeline(instant(item, "started_at"), instant(item, "finished_at"),
                item.containsKey("duration_ms") ? Long.valueOf(item.get("duration_ms").n()) : null,
                optional(item, "push_status"), instant(item, "pushed_at"));
        String lastClass = optional(item, "last_error_class");
        var lastTry = lastClass == null ? null : new RunRecord.LastTry(lastClass, optional(item, "last_reason"));
        AttributeValue mismatch = item.get("total_mismatch");
        return new RunRecord(fromItem(item), timeline, lastTry,
                mismatch != null && Boolean.TRUE.equals(mismatch.bool()), totals(item), optional(item, REPLAYED_AS));
    }

    /** Appends the document totals to a {@code SET} expression: {@code doc_kind}, {@code doc_date}, ... */
    static void putTotals(StringBuilder set, Map<String, AttributeValue> values, DocumentTotals t) {
        set.append(", doc_kind = :dk, doc_date = :dd, doc_currency = :dc, magento_total = :mt");
        values.put(":dk", s(t.kind().wireName()));
        values.put(":dd", s(t.date().toString()));
        values.put(":dc", s(t.currency()));
        values.put(":mt", AttributeValue.fromN(t.magentoTotal().toPlainString()));
        if (t.sageTotal() != null) {
            set.append(", sage_total = :st");
            values.put(":st", AttributeValue.fromN(t.sageTotal().toPlainString()));
        }
    }

    static DocumentTotals totals(Map<String, AttributeValue> item) {
        if (!item.containsKey("doc_kind") || !item.containsKey("magento_total")) {
            return null;
        }
        AttributeValue sage = item.get("sage_total");
        return new DocumentTotals(DocumentTotals.Kind.fromWire(item.get("doc_kind").s()),
                LocalDate.parse(item.get("doc_date").s()), item.get("doc_currency").s(),
                new BigDecimal(item.get("magento_total").n()), sage == null ? null : new BigDecimal(sage.n()));
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = optional(item, name);
        return v == null ? null : Instant.parse(v);
    }

    static Boolean boolAttr(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.bool();
    }

    static int intAttr(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Integer.parseInt(v.n());
    }

    private static String optional(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
