package io.sagesync.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.EventName;
import io.sagesync.domain.PushJob;
import io.sagesync.domain.SyncStateUpdate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PushJobJsonTest {
    private static final Instant AT = Instant.parse("2026-04-30T10:12:03.123456Z");

    @Test
    void everyKindOfUpdate_survivesTheRoundTrip() {
        for (SyncStateUpdate u : new SyncStateUpdate[] {
            SyncStateUpdate.synced(EntityType.INVOICE, 42, "df6b", "SI-27", AT),
            SyncStateUpdate.skipped(EntityType.CREDITMEMO, 17, "outside_sync_since", AT),
            SyncStateUpdate.failed(EntityType.PRODUCT, 301, ErrorClass.RATE_LIMITED, AT)}) {
            PushJob job = new PushJob("run-1", EventName.INVOICE_PAID, u);

            assertThat(PushJobJson.read(PushJobJson.write(job))).isEqualTo(job);
        }
    }

    @Test
    void wireForm_isSnakeCase_versioned_andKeepsTheFullInstant() {
        String json = PushJobJson.write(new PushJob("run-1", EventName.INVOICE_CREATED,
                SyncStateUpdate.synced(EntityType.INVOICE, 42, "df6b", "SI-27", AT)));

        assertThat(json).contains("\"v\":1", "\"run_id\":\"run-1\"", "\"event\":\"invoice.created\"",
                "\"sync_status\":\"synced\"", "\"last_sync_at\":\"2026-04-30T10:12:03.123456Z\"",
                "\"skip_reason\":null");
    }

    @Test
    void pendingOrUnknownValues_arePoison() {
        String pending = "{\"v\":1,\"run_id\":\"r\",\"event\":\"invoice.created\",\"update\":{\"entity_type\":"
                + "\"invoice\",\"magento_entity_id\":1,\"provider\":\"sage_accounting\",\"sync_status\":\"pending\","
                + "\"last_sync_at\":\"2026-04-30T10:12:03Z\"}}";
        assertThatThrownBy(() -> PushJobJson.read(pending)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PushJobJson.read(pending.replace("\"pending\"", "\"synced\"")
                .replace("\"invoice\",\"magento", "\"order\",\"magento"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PushJobJson.read("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PushJobJson.read("{\"v\":1}")).isInstanceOf(IllegalArgumentException.class);
    }
}
