package io.sagesync.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-04-30T10:12:03Z");

    private final List<String> lines = new ArrayList<>();
    private final Metrics metrics = new Metrics("tenant-1", "sync", Clock.fixed(NOW, ZoneOffset.UTC), lines::add);

    @Test
    void runOutcome_isAnEmfCountWithTenantFunctionAndOutcomeDimensions() throws Exception {
        metrics.runOutcome("failed");

        JsonNode line = JSON.readTree(lines.get(0));
        JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
        assertThat(line.at("/_aws/Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(directive.get("Namespace").asText()).isEqualTo("sagesync");
        assertThat(directive.at("/Dimensions/0").toString()).isEqualTo("[\"tenant\",\"function\",\"outcome\"]");
        assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("RunsByOutcome");
        assertThat(directive.at("/Metrics/0/Unit").asText()).isEqualTo("Count");
        // every dimension and the metric itself are top-level members, as EMF requires
        assertThat(line.get("tenant").asText()).isEqualTo("tenant-1");
        assertThat(line.get("function").asText()).isEqualTo("sync");
        assertThat(line.get("outcome").asText()).isEqualTo("failed");
        assertThat(line.get("RunsByOutcome").asLong()).isEqualTo(1);
    }

    @Test
    void stepLatency_isInMillisecondsByStep_andRetriesAndPushOutcomesCount() throws Exception {
        metrics.stepLatency("sage_post", Duration.ofMillis(1234));
        metrics.retry("push");
        metrics.pushOutcome("delivered");

        JsonNode latency = JSON.readTree(lines.get(0));
        assertThat(latency.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Milliseconds");
        assertThat(latency.get("step").asText()).isEqualTo("sage_post");
        assertThat(latency.get("StepLatency").asLong()).isEqualTo(1234);
        assertThat(JSON.readTree(lines.get(1)).get("Retries").asLong()).isEqualTo(1);
        assertThat(JSON.readTree(lines.get(2)).get("outcome").asText()).isEqualTo("delivered");
        assertThat(JSON.readTree(lines.get(2)).get("PushOutcome").asLong()).isEqualTo(1);
    }

    @Test
    void dimensionValues_areEscaped_soALineIsAlwaysValidJson() throws Exception {
        metrics.pushOutcome("we\"ird\n");

        assertThat(JSON.readTree(lines.get(0)).get("outcome").asText()).isEqualTo("we\"ird\n");
    }
}
