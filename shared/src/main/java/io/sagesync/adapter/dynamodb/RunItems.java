package io.sagesync.adapter.dynamodb;

import io.sagesync.domain.RunRecord;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A run item (docs/storage.md) as the console's {@link RunRecord}, including the worker's and the push's fields. */
final class RunItems {
    private RunItems() {
    }

    static RunRecord record(Map<String, AttributeValue> item) {
        var timeline = new RunRecord.Timeline(instant(item, "started_at"), instant(item, "finished_at"),
                item.containsKey("duration_ms") ? Long.valueOf(item.get("duration_ms").n()) : null,
                text(item, "push_status"), instant(item, "pushed_at"));
        String lastClass = text(item, "last_error_class");
        var lastTry = lastClass == null ? null : new RunRecord.LastTry(lastClass, text(item, "last_reason"));
        AttributeValue mismatch = item.get("total_mismatch");
        return new RunRecord(DynamoDbSyncRunStore.fromItem(item), timeline, lastTry,
                mismatch != null && Boolean.TRUE.equals(mismatch.bool()));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = text(item, name);
        return v == null ? null : Instant.parse(v);
    }
}
