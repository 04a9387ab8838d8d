package io.sagesync.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.application.module.TileHealth;
import io.sagesync.domain.BindingState;
import io.sagesync.domain.RunGauge;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.port.BindingStore;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.RunGauges;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The tile's answer from the use case to the JSON, on fakes of our own ports. */
class TileHealthTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void connectedStack_answersEveryField() throws Exception {
        var health = new TileHealth(binding(new BindingState("active", "active", null, null), false),
                gauges(new RunGauge(2, 1, Instant.parse("2026-11-30T11:59:00Z")), false), "uk", CLOCK);

        var json = JSON.readTree(ModuleApi.healthJson(health.read()));

        assertThat(json.toString()).isEqualTo("{\"tenant\":{\"magento_connection_status\":\"active\"},"
                + "\"binding\":{\"status\":\"active\",\"region\":\"uk\"},\"sync\":{\"pending_count\":2,"
                + "\"failed_24h\":1,\"last_run_at\":\"2026-11-30T11:59:00Z\"}}");
    }

    @Test
    void disconnectedStore_readsAsTokenRevoked_soTheModuleAsksToRePair() {
        var health = new TileHealth(binding(new BindingState("disconnected", "not_connected", null, null), false),
                gauges(RunGauge.EMPTY, false), "uk", CLOCK).read();
        assertThat(health.magentoConnectionStatus()).isEqualTo("token_revoked");
        assertThat(health.bindingStatus()).isEqualTo("not_connected");
    }

    @Test
    void aStoreThatCannotAnswer_leavesItsFieldsOut_insteadOfFailingTheTile() throws Exception {
        var health = new TileHealth(binding(null, true), gauges(null, true), "uk", CLOCK).read();

        var json = JSON.readTree(ModuleApi.healthJson(health));

        assertThat(json.has("tenant")).isFalse();
        assertThat(json.has("sync")).isFalse();
        assertThat(json.at("/binding/region").asText()).isEqualTo("uk");
    }

    private static BindingStore binding(BindingState state, boolean down) {
        return new BindingStore() {
            @Override
            public SyncPolicy policy() {
                return SyncPolicy.defaults();
            }

            @Override
            public void savePolicy(SyncPolicy policy) {
            }

            @Override
            public BindingState state() {
                if (down) {
                    throw new InfrastructureException("down");
                }
                return state;
            }

            @Override
            public void flagMagento(String status, String reason) {
            }

            @Override
            public void flagSage(String status, String reason) {
            }
        };
    }

    private static RunGauges gauges(RunGauge gauge, boolean down) {
        return new RunGauges() {
            @Override
            public void queued(String runId, Instant at) {
            }

            @Override
            public void finished(String runId, RunStatus status, Instant at) {
            }

            @Override
            public RunGauge read(Instant now) {
                if (down) {
                    throw new InfrastructureException("down");
                }
                return gauge;
            }

            @Override
            public Contents contents() {
                throw new AssertionError("the tile never repairs");
            }

            @Override
            public void forget(String runId) {
                throw new AssertionError("the tile never repairs");
            }

            @Override
            public void failedAt(String runId, Instant at) {
                throw new AssertionError("the tile never repairs");
            }

            @Override
            public void lastRunAtLeast(Instant at) {
                throw new AssertionError("the tile never repairs");
            }

            @Override
            public void settle() {
                throw new AssertionError("the tile never repairs");
            }
        };
    }
}
