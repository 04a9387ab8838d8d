package io.sagesync.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.log.Log;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalLoggingTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream stdout = System.out;

    @AfterEach
    void backToJson() {
        System.setOut(stdout);
        Log.clearContext();
        System.clearProperty(LocalLogging.FORMAT_PROPERTY);
    }

    @Test
    void useConsole_printsReadableLinesWithTheContext_notJson() {
        System.clearProperty(LocalLogging.FORMAT_PROPERTY);
        LocalLogging.useConsole();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        Log.withContext("tenant", "t-1");

        Log.of(LocalLoggingTest.class).info("run finished", "run_id", "r-1");

        String line = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(line).doesNotStartWith("{").contains("INFO", "LocalLoggingTest", "run finished", "tenant=t-1",
                "run_id=r-1");
    }

    @Test
    void withoutUseConsole_theLambdaJsonLayoutApplies() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));

        Log.of(LocalLoggingTest.class).info("run finished", "run_id", "r-1");

        assertThat(out.toString(StandardCharsets.UTF_8).strip()).startsWith("{").contains("\"run_id\":\"r-1\"");
    }
}
