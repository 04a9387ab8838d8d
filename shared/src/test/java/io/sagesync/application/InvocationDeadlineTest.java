package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.port.CallBudget;
import io.sagesync.simulator.sage.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvocationDeadlineTest {
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final InvocationDeadline deadline = new InvocationDeadline(clock, Duration.ofSeconds(15));

    @Test
    void beforeAnyInvocation_callsAreBoundedOnlyByTheirOwnTimeouts() {
        assertThat(deadline.bound(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theRemainingTimeTheHandlerPasses_lessTheMarginForRecordingTheOutcome_boundsEveryCall() {
        deadline.begin(Duration.ofSeconds(45)); // Lambda's getRemainingTimeInMillis at the start of the invocation

        assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(30));
        assertThat(deadline.bound(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(22));
        assertThat(deadline.bound(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(8));
        clock.advance(Duration.ofSeconds(10));
        assertThat(deadline.remaining()).isNegative();

        deadline.begin(Duration.ofSeconds(300)); // the next invocation starts afresh
        assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(285));
        assertThat(CallBudget.UNBOUNDED.remaining()).isGreaterThan(Duration.ofHours(1));
    }
}
