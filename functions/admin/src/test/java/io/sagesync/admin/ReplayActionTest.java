package io.sagesync.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.domain.EventName;
import io.sagesync.domain.ReplayFilter;
import io.sagesync.domain.RunStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The replay action's request: filter defaults, every field, dry run by default, and a clear refusal per mistake. */
class ReplayActionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noFilters_meansRunsSkippedAsEventNotSupported_andADryRun() throws Exception {
        AdminCommand.Replay r = replay("{\"action\":\"replay\"}");

        assertThat(r.filter()).isEqualTo(ReplayFilter.unsupportedEvents());
        assertThat(r.dryRun()).isTrue();
    }

    @Test
    void everyFilter_isRead() throws Exception {
        AdminCommand.Replay r = replay("{\"action\":\"replay\",\"dry_run\":false,"
                + "\"events\":[\"creditmemo.created\"],\"status\":\"failed\",\"reason\":null,"
                + "\"from\":\"2026-05-01T00:00:00Z\",\"to\":\"2026-06-01T00:00:00Z\"}");
        ReplayFilter f = r.filter();

        assertThat(r.dryRun()).isFalse();
        assertThat(f.events()).containsExactly(EventName.CREDITMEMO_CREATED);
        assertThat(f.status()).isEqualTo(RunStatus.FAILED);
        assertThat(f.reason()).isNull();
        assertThat(f.from()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
    }

    @Test
    void unknownEvent_isRefused() throws Exception {
        assertThat(invalid("{\"action\":\"replay\",\"events\":[\"order.placed\"]}").message())
                .contains("order.placed");
    }

    @Test
    void unfinishedStatus_isRefused() throws Exception {
        assertThat(invalid("{\"action\":\"replay\",\"status\":\"queued\"}").message()).contains("finished");
    }

    @Test
    void unknownStatus_isRefused() throws Exception {
        assertThat(invalid("{\"action\":\"replay\",\"status\":\"done\"}").message()).contains("status");
    }

    @Test
    void badDate_andInvertedRange_areRefused() throws Exception {
        assertThat(invalid("{\"action\":\"replay\",\"from\":\"yesterday\"}").message()).contains("ISO-8601");
        assertThat(invalid("{\"action\":\"replay\",\"from\":\"2026-06-01T00:00:00Z\","
                + "\"to\":\"2026-05-01T00:00:00Z\"}").message()).contains("before");
    }

    private static AdminCommand.Replay replay(String request) throws Exception {
        AdminCommand command = AdminRequests.parse(JSON.readTree(request));
        assertThat(command).isInstanceOf(AdminCommand.Replay.class);
        return (AdminCommand.Replay) command;
    }

    /** A refused replay request: still the {@code replay} action, answered {@code invalid_filter}. */
    private static AdminCommand.Invalid invalid(String request) throws Exception {
        AdminCommand command = AdminRequests.parse(JSON.readTree(request));
        assertThat(command).isInstanceOf(AdminCommand.Invalid.class);
        AdminCommand.Invalid invalid = (AdminCommand.Invalid) command;
        assertThat(invalid.action()).isEqualTo("replay");
        assertThat(invalid.code()).isEqualTo("invalid_filter");
        return invalid;
    }
}
