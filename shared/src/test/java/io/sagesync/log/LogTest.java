package io.sagesync.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The Lambda layout ({@link StdoutLogProvider}) as CloudWatch receives it: stdout, one JSON per line. */
class LogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void captureStdout() {
        stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        Log.clearContext();
    }

    @Test
    void line_isOneJsonObject_withContextAndFields_andEachKeyOnce() throws Exception {
        Log.withContext("tenant", "t-1");
        Log.withContext("run_id", "r-context");

        Log.of(LogTest.class).info("run \"finished\"\n", "run_id", "r-1", "attempts", 2, "ok", true);

        List<String> lines = lines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).split("\"run_id\"", -1)).hasSize(2); // exactly one occurrence
        JsonNode json = JSON.readTree(lines.get(0));
        assertThat(json.get("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("logger").asText()).isEqualTo(LogTest.class.getName());
        assertThat(json.get("message").asText()).isEqualTo("run \"finished\"\n");
        assertThat(json.get("tenant").asText()).isEqualTo("t-1");
        assertThat(json.get("run_id").asText()).as("the call's value wins").isEqualTo("r-1");
        assertThat(json.get("attempts").asText()).isEqualTo("2");
        assertThat(json.get("ok").asText()).isEqualTo("true");
        assertThat(json.has("error_class")).isFalse();
    }

    @Test
    void callFields_lastOneLine_whileTheContextStaysUntilCleared() throws Exception {
        Log log = Log.of(LogTest.class);
        Log.withContext("run_id", "r-context");

        log.warn("first", "step", "sage_post");
        log.error("second");
        Log.withContext("run_id", null);
        log.info("third");

        List<String> lines = lines();
        assertThat(lines).hasSize(3);
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.get("level").asText()).isEqualTo("ERROR");
        assertThat(second.has("step")).as("a call's field does not leak into the next line").isFalse();
        assertThat(second.get("run_id").asText()).isEqualTo("r-context");
        assertThat(MDC.get("step")).isNull();
        assertThat(JSON.readTree(lines.get(2)).has("run_id")).isFalse();
    }

    @Test
    void throwable_givesItsClassOnly_neverItsMessage() throws Exception {
        org.slf4j.LoggerFactory.getLogger("io.sagesync.probe").atError()
                .setCause(new IllegalStateException("secret-token-value")).log("failed");

        JsonNode json = JSON.readTree(lines().get(0));
        assertThat(json.get("error_class").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(lines().get(0)).doesNotContain("secret-token-value");
    }

    @Test
    void classicApi_formatsArguments_andEscapesControlCharacters() throws Exception {
        org.slf4j.LoggerFactory.getLogger("io.sagesync.probe").warn("a {} b\t{}", "x\u0001", 7);

        JsonNode json = JSON.readTree(lines().get(0));
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("message").asText()).isEqualTo("a x\u0001 b\t7");
    }

    @Test
    void chattyLibraries_logWarningsOnly() throws Exception {
        var sdk = org.slf4j.LoggerFactory.getLogger("software.amazon.awssdk.request");
        sdk.info("noise");
        sdk.debug("noise");
        sdk.warn("worth reading");
        org.slf4j.LoggerFactory.getLogger("io.sagesync.probe").debug("debug is off");

        assertThat(lines()).hasSize(1);
        assertThat(JSON.readTree(lines().get(0)).get("message").asText()).isEqualTo("worth reading");
    }

    @Test
    void theProviderIsOurs_soNoSecondProviderOrConfigurationFileDecides() {
        assertThat(org.slf4j.LoggerFactory.getILoggerFactory().getClass().getEnclosingClass())
                .isEqualTo(StdoutLogProvider.class);
    }

    @Test
    void aThreadStartedDuringAnInvocation_doesNotInheritItsContext() throws Exception {
        Log.withContext("run_id", "r-1");
        java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
        Thread pooled = new Thread(() -> {
            seen.set(String.valueOf(MDC.get("run_id")));
            Log.of(LogTest.class).info("from a pool thread");
        });
        pooled.start();
        pooled.join();

        assertThat(seen.get()).isEqualTo("null");
        assertThat(JSON.readTree(lines().get(0)).has("run_id")).isFalse();
        assertThat(MDC.get("run_id")).as("the starting thread keeps its own").isEqualTo("r-1");
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
}
