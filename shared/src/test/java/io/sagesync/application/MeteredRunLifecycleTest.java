package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.RunStart;
import io.sagesync.log.Metrics;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.RunLifecycle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeteredRunLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-04-30T10:12:00Z");

    private final List<String> lines = new ArrayList<>();
    private final List<String> writes = new ArrayList<>();
    private boolean storeDown;
    private final RunLifecycle store = new RunLifecycle() {
        @Override
        public Optional<RunStart> start(String runId, Instant now) {
            return Optional.empty();
        }

        @Override
        public boolean restore(io.sagesync.domain.SyncJob job, Instant now) {
            return false;
        }

        @Override
        public Optional<io.sagesync.domain.SyncRun> nextEnqueue(String runId, Instant changedBefore, Instant now) {
            return Optional.empty();
        }

        @Override
        public void markEnqueued(String runId, int enqueueCount) {
        }

        @Override
        public void recordRetry(String runId, ErrorClass errorClass, String reason, Instant now) {
            writes.add("retry " + runId);
        }

        @Override
        public void finish(String runId, RunOutcome outcome) {
            if (storeDown) {
                throw new InfrastructureException("injected");
            }
            writes.add("finish " + runId);
        }
    };
    private final MeteredRunLifecycle metered = new MeteredRunLifecycle(store,
            new Metrics("t", "sync", Clock.fixed(T0, ZoneOffset.UTC), lines::add));

    @Test
    void failedRun_isWritten_thenCountedByOutcome_withItsDuration() {
        metered.finish("r-1", RunOutcome.failed(ErrorClass.VALIDATION, "x", T0, T0.plusMillis(850)));

        assertThat(writes).containsExactly("finish r-1");
        assertThat(lines.get(0)).contains("\"function\":\"sync\"", "\"outcome\":\"failed\"", "\"RunsByOutcome\":1");
        assertThat(lines.get(1)).contains("\"step\":\"run\"", "\"StepLatency\":850");
    }

    @Test
    void reconciliationMismatch_andEachWarning_areCounted_withTheDimensionsTheAlarmNames() {
        metered.finish("r-1", RunOutcome.reconciliationFailed("sage-1", "SI-1", "total_amount 1.00 != grand_total 2.00",
                List.of("tax_rate_defaulted", "address_truncated"), T0, T0));

        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"ReconciliationMismatches\":1",
                "\"document\":\"sales_invoice\"", "\"function\":\"sync\"",
                "\"Dimensions\":[[\"tenant\",\"function\",\"document\"]]"));
        assertThat(lines).filteredOn(l -> l.contains("\"MappingWarnings\":1")).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("\"code\":\"tax_rate_defaulted\""));
    }

    @Test
    void retry_isCounted() {
        metered.recordRetry("r-1", ErrorClass.RATE_LIMITED, "429", T0);

        assertThat(lines).singleElement().asString().contains("\"Retries\":1", "\"step\":\"sync\"");
    }

    @Test
    void aWriteThatFailed_isNotCounted() {
        storeDown = true;

        assertThatThrownBy(() -> metered.finish("r-1", RunOutcome.skipped("zero_value_invoice", T0, T0)))
                .isInstanceOf(InfrastructureException.class);
        assertThat(lines).isEmpty();
    }
}
