package io.sagesync.simulator.sage;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyModelTest {

    @Test
    void logNormal_hasTheRequestedMedianAndP95() {
        LatencyModel model = LatencyModel.logNormal(Duration.ofMillis(250), Duration.ofMillis(800), new Random(7));
        long[] ms = new long[40_000];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = model.next().toMillis();
        }
        Arrays.sort(ms);
        assertThat(ms[ms.length / 2]).isBetween(240L, 260L);
        assertThat(ms[(int) (ms.length * 0.95)]).isBetween(760L, 840L);
        double mean = Arrays.stream(ms).average().orElseThrow();
        assertThat(mean).isBetween(310.0, 332.0); // 250 * exp(0.707^2 / 2) = 321
    }

    @Test
    void logNormal_refusesAP95BelowTheMedian() {
        assertThatThrownBy(() -> LatencyModel.logNormal(Duration.ofMillis(250), Duration.ofMillis(100), new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faults_sumTheLatencyTheyHandOut_untilReset() {
        SageFaults faults = new SageFaults();
        faults.latency(() -> Duration.ofMillis(30));
        faults.currentLatency();
        faults.currentLatency();
        faults.currentLatency();

        assertThat(faults.latencyAdded().total()).isEqualTo(Duration.ofMillis(90));
        assertThat(faults.latencyAdded().requests()).isEqualTo(3);
        assertThat(faults.latencyAdded().mean()).isEqualTo(Duration.ofMillis(30));
        faults.reset();
        assertThat(faults.currentLatency()).isZero();
        assertThat(faults.latencyAdded().total()).isZero();
    }
}
