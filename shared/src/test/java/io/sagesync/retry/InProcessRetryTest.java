package io.sagesync.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class InProcessRetryTest {

    @Property(tries = 500)
    void backoff_shouldStayWithinZeroAndTheCappedExponentialBound(
            @ForAll @IntRange(min = 0, max = 100) int retryIndex,
            @ForAll @LongRange(min = 0, max = 5_000) long baseMs,
            @ForAll @LongRange(min = 0, max = 60_000) long capMs,
            @ForAll long seed) {
        InProcessRetry policy = new InProcessRetry(Duration.ofMillis(baseMs), Duration.ofMillis(capMs), 4,
                Duration.ofSeconds(10), Duration.ofSeconds(20));
        // Independent oracle in arbitrary precision: min(cap, base * 2^n).
        long expectedBound = BigInteger.valueOf(baseMs).shiftLeft(retryIndex).min(BigInteger.valueOf(capMs))
                .longValueExact();

        Duration sleep = policy.backoff(retryIndex, new SplittableRandom(seed));

        assertThat(policy.backoffBound(retryIndex)).isEqualTo(Duration.ofMillis(expectedBound));
        assertThat(sleep).isBetween(Duration.ZERO, Duration.ofMillis(expectedBound));
    }

    @Test
    void backoff_shouldSpreadOverTheWholeRangeRatherThanUseAFixedDelay() {
        InProcessRetry policy = InProcessRetry.defaults();
        SplittableRandom random = new SplittableRandom(1);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2_000; i++) {
            long ms = policy.backoff(2, random).toMillis();
            min = Math.min(min, ms);
            max = Math.max(max, ms);
        }

        assertThat(min).isLessThan(100);
        assertThat(max).isGreaterThan(900).isLessThanOrEqualTo(1000);
    }

    @Test
    void defaults_shouldMatchTheDocumentedLimits() {
        InProcessRetry d = InProcessRetry.defaults();

        assertThat(d.baseDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(d.maxDelay()).isEqualTo(Duration.ofSeconds(8));
        assertThat(d.maxAttempts()).isEqualTo(4);
        assertThat(d.sleepBudget()).isEqualTo(Duration.ofSeconds(20));
        assertThat(d.backoffBound(10)).isEqualTo(Duration.ofSeconds(8));
    }
}
