package io.sagesync.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonLogTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        JsonLog.clearContext();
        JsonLog.redirect(System.out, Clock.systemUTC());
    }

    @Test
    void line_isOneJsonObject_withContext_andEachKeyOnce() throws Exception {
        JsonLog.redirect(new PrintStream(out, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC));
        JsonLog.withContext("tenant", "t-1");
        JsonLog.withContext("run_id", "r-1");

        JsonLog.of(JsonLogTest.class).info("run \"finished\"\n", "run_id", "r-1", "attempts", 2, "ok", true,
                "reason", null);

        String line = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(line.lines()).hasSize(1);
        assertThat(line.split("\"run_id\"", -1)).hasSize(2); // exactly one occurrence
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("ts").asText()).isEqualTo("2026-05-01T00:00:00Z");
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("message").asText()).isEqualTo("run \"finished\"\n");
        assertThat(json.get("tenant").asText()).isEqualTo("t-1");
        assertThat(json.get("attempts").isInt()).isTrue();
        assertThat(json.get("ok").isBoolean()).isTrue();
        assertThat(json.get("reason").isNull()).isTrue();
    }
}
