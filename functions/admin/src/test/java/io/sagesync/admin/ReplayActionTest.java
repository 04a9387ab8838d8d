package io.sagesync.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.domain.EventName;
import io.sagesync.domain.ReplayFilter;
import io.sagesync.domain.RunStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The replay action's filter: defaults, every field, and a clear refusal per mistake. */
class ReplayActionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noFilters_meansRunsSkippedAsEventNotSupported() throws Exception {
        ReplayFilter f = ReplayAction.filter(JSON.readTree("{\"action\":\"replay\"}"));

        assertThat(f).isEqualTo(ReplayFilter.unsupportedEvents());
    }

    @Test
    void everyFilter_isRead() throws Exception {
        ReplayFilter f = ReplayAction.filter(JSON.readTree("{\"events\":[\"creditmemo.created\"],"
                + "\"status\":\"failed\",\"reason\":null,\"from\":\"2026-05-01T00:00:00Z\","
                + "\"to\":\"2026-06-01T00:00:00Z\"}"));

        assertThat(f.events()).containsExactly(EventName.CREDITMEMO_CREATED);
        assertThat(f.status()).isEqualTo(RunStatus.FAILED);
        assertThat(f.reason()).isNull();
        assertThat(f.from()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
    }

    @Test
    void unknownEvent_isRefused() {
        assertThatThrownBy(() -> ReplayAction.filter(JSON.readTree("{\"events\":[\"order.placed\"]}")))
                .isInstanceOf(AdminException.class).hasMessageContaining("order.placed");
    }

    @Test
    void unfinishedStatus_isRefused() {
        assertThatThrownBy(() -> ReplayAction.filter(JSON.readTree("{\"status\":\"queued\"}")))
                .isInstanceOf(AdminException.class).hasMessageContaining("finished");
    }

    @Test
    void unknownStatus_isRefused() {
        assertThatThrownBy(() -> ReplayAction.filter(JSON.readTree("{\"status\":\"done\"}")))
                .isInstanceOf(AdminException.class).hasMessageContaining("status");
    }

    @Test
    void badDate_andInvertedRange_areRefused() {
        assertThatThrownBy(() -> ReplayAction.filter(JSON.readTree("{\"from\":\"yesterday\"}")))
                .isInstanceOf(AdminException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> ReplayAction.filter(JSON.readTree(
                "{\"from\":\"2026-06-01T00:00:00Z\",\"to\":\"2026-05-01T00:00:00Z\"}")))
                .isInstanceOf(AdminException.class).hasMessageContaining("before");
    }
}
