package io.sagesync.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvocationMeterTest {

    @Test
    void countsInvocations_andBillsEachAtLeastOneMillisecond() {
        InvocationMeter meter = new InvocationMeter();
        RequestHandler<String, String> echo = meter.wrap("echo", (in, ctx) -> in);

        assertThat(echo.handleRequest("a", null)).isEqualTo("a");
        echo.handleRequest("b", null);

        InvocationMeter.Totals t = meter.snapshot().get("echo");
        assertThat(t.invocations()).isEqualTo(2);
        assertThat(t.billedMillis()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void billsTheTimeSpentInTheHandler_evenWhenItThrows() {
        InvocationMeter meter = new InvocationMeter();
        RequestHandler<String, String> slow = meter.wrap("slow", (in, ctx) -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("boom");
        });

        assertThatThrownBy(() -> slow.handleRequest("x", null)).isInstanceOf(IllegalStateException.class);

        assertThat(meter.snapshot().get("slow").invocations()).isEqualTo(1);
        assertThat(meter.busy("slow")).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    @Test
    void between_subtractsTheEarlierSnapshot_andGbSecondsScaleWithMemory() {
        InvocationMeter meter = new InvocationMeter();
        RequestHandler<String, String> h = meter.wrap("f", (in, ctx) -> in);
        h.handleRequest("1", null);
        Map<String, InvocationMeter.Totals> before = meter.snapshot();
        h.handleRequest("2", null);
        h.handleRequest("3", null);

        InvocationMeter.Totals delta = InvocationMeter.between(before, meter.snapshot()).get("f");

        assertThat(delta.invocations()).isEqualTo(2);
        assertThat(new InvocationMeter.Totals(4, 2000).gbSeconds(512)).isEqualTo(1.0);
    }
}
