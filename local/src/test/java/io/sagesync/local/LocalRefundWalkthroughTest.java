package io.sagesync.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** make local's walkthrough after the first sync: a refund becomes a settled credit note and the memo chip flips. */
class LocalRefundWalkthroughTest {
    private static LocalPipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        LocalSettings defaults = LocalSettings.fromEnv(Map.of());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LocalSettings settings = new LocalSettings(port, defaults.tenantId(), defaults.apiKey(), null, null,
                null, null, null, null, null, null, false);
        pipeline = LocalPipeline.start(settings, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    @Test
    void refundAfterTheFirstSync_becomesASettledCreditNote_andTheMemoChipSaysSynced() {
        FirstSyncDemo.run(pipeline, 42, Duration.ofSeconds(60));

        RefundDemo.Result refund = RefundDemo.run(pipeline, 17, 42, Duration.ofSeconds(60));

        assertThat(refund.synced()).as("chip %s", refund.chip()).isTrue();
        assertThat(refund.steps()).extracting(FirstSyncDemo.Step::name)
                .anySatisfy(n -> assertThat(n).contains("HTTP 202"))
                .anySatisfy(n -> assertThat(n).contains("Sage POST /sales_credit_notes -> 201"))
                .anySatisfy(n -> assertThat(n).startsWith("settled: Sage POST"));
        assertThat(new BigDecimal(refund.creditNoteTotal())).isEqualByComparingTo("18.00");
        assertThat(new BigDecimal(refund.creditNoteOutstanding())).isEqualByComparingTo("0.00");
        assertThat(pipeline.sage.validationFailures()).isEmpty();
    }

}
