package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PushBackoffTest {
    @Test
    void defaultBackoff_doublesFromOneMinute_andCapsAtAnHour() {
        assertThat(java.util.stream.IntStream.rangeClosed(1, 9).mapToObj(PushBackoff.DEFAULT::delayAfter)
                .map(Duration::toMinutes).toList()).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void hugeOrNonsenseAttemptCounts_stayWithinBounds() {
        assertThat(PushBackoff.DEFAULT.delayAfter(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(PushBackoff.DEFAULT.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void capBeyondSqsVisibilityLimit_isRefused() {
        assertThatThrownBy(() -> new PushBackoff(Duration.ofMinutes(1), Duration.ofHours(13)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
