package io.sagesync.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {
    @Test
    void defaultBackoff_doublesFromOneMinute_andCapsAtAnHour() {
        assertThat(java.util.stream.IntStream.rangeClosed(1, 9).mapToObj(RetryPolicies.SYNC_STATE_PUSH::delayAfter)
                .map(Duration::toMinutes).toList()).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void hugeOrNonsenseAttemptCounts_stayWithinBounds() {
        assertThat(RetryPolicies.SYNC_STATE_PUSH.delayAfter(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(RetryPolicies.SYNC_STATE_PUSH.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void capBeyondSqsVisibilityLimit_isRefused() {
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ofMinutes(1), Duration.ofHours(13)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
